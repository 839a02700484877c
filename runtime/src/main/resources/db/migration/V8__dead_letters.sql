-- Updates the runtime could not handle for a reason other than the database being unavailable (a bug, input no
-- rule foresaw): recorded with the reason and answered 200, so that the channel does not deliver them again for
-- days, and shown to the owner. A redelivery of one finds it here and is not recorded or answered twice.
CREATE TABLE dead_letter (
    id           bigserial PRIMARY KEY,
    channel      text        NOT NULL,
    external_id  text        NOT NULL,
    chat_id      text,
    content      jsonb       NOT NULL,
    reason       text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dead_letter_once UNIQUE (channel, external_id)
);
