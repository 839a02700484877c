-- Idempotency keys of the orders API (issue 16): the first answer to a key, kept so that a retry with the same key
-- and the same body gets it again instead of a second order. The key is claimed in the transaction that creates the
-- order, so two requests with one key at once wait on the primary key and the second finds the first's answer.
-- Kept at least 24 hours: the leader's job removes keys older than 48 hours.
CREATE TABLE idempotency_key (
    operation     text        NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    response      text        NOT NULL,  -- as sent, byte for byte (jsonb would reorder its keys)
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, key)
);
CREATE INDEX idempotency_key_age ON idempotency_key (created_at);
