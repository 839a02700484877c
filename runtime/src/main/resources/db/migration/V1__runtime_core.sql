-- The runtime's core tables, in the bot's own schema (Flyway sets search_path to it).
-- Money is always integer minor units; times are timestamptz.

-- Every inbound channel update, recorded in the same transaction as its effects; the unique key makes a
-- redelivered webhook a no-op.
CREATE TABLE inbound_update (
    id           bigserial PRIMARY KEY,
    channel      text        NOT NULL,
    external_id  text        NOT NULL,
    chat_id      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inbound_update_once UNIQUE (channel, external_id)
);

-- Conversation state per chat. The row is also the lock that keeps one chat's messages in order.
CREATE TABLE conversation (
    channel     text        NOT NULL,
    chat_id     text        NOT NULL,
    flow_state  text        NOT NULL,
    data        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    version     bigint      NOT NULL DEFAULT 0,
    language    text,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id)
);

-- Replies written with the state change that caused them, delivered afterwards.
CREATE TABLE outbox_message (
    id              bigserial PRIMARY KEY,
    channel         text        NOT NULL,
    chat_id         text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE status = 'PENDING';

-- Leader election outside Kubernetes: one row per lease; the fencing token grows with every new holder.
CREATE TABLE leader_lease (
    name          text        PRIMARY KEY,
    holder        text        NOT NULL,
    fencing_token bigint      NOT NULL,
    expires_at    timestamptz NOT NULL
);

-- One row per scheduled job and period: a second leader cannot run the same period again.
CREATE TABLE job_run (
    job           text        NOT NULL,
    period        text        NOT NULL,
    fencing_token bigint      NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    PRIMARY KEY (job, period)
);
