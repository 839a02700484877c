-- Customers per channel (a Telegram chat, a WhatsApp phone), with the language they are answered in and when they
-- last wrote (WhatsApp's 24-hour customer-service window starts there).
CREATE TABLE customer (
    channel          text        NOT NULL,
    chat_id          text        NOT NULL,
    sender_id        text,
    display_name     text,
    language         text,
    first_seen_at    timestamptz NOT NULL DEFAULT now(),
    last_inbound_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id)
);
-- The language belongs to the customer, not to one conversation (which expires).
ALTER TABLE conversation DROP COLUMN language;

-- What the channel calls a sent message (Telegram message_id, WhatsApp wamid) and how far delivery got
-- (WhatsApp status webhooks: sent, delivered, read, failed), moving forward only.
ALTER TABLE outbox_message ADD COLUMN channel_message_id text;
ALTER TABLE outbox_message ADD COLUMN delivery_status text;
ALTER TABLE outbox_message ADD COLUMN delivery_status_at timestamptz;
CREATE INDEX outbox_message_channel_message ON outbox_message (channel, channel_message_id) WHERE channel_message_id IS NOT NULL;
-- The dispatcher's questions: each chat's oldest pending message; when a chat was last sent to.
CREATE INDEX outbox_message_chat_pending ON outbox_message (channel, chat_id, id) WHERE status = 'PENDING';
CREATE INDEX outbox_message_chat_sent ON outbox_message (channel, chat_id, sent_at) WHERE status = 'SENT';

-- A token bucket per channel, shared by every replica: a send takes a token, tokens come back at the channel's rate.
CREATE TABLE channel_rate (
    channel      text             PRIMARY KEY,
    tokens       double precision NOT NULL,
    refilled_at  timestamptz      NOT NULL
);

-- The local console channel's transcript: what the person typed and what the bot answered.
CREATE TABLE console_message (
    id         bigserial   PRIMARY KEY,
    chat_id    text        NOT NULL,
    direction  text        NOT NULL CHECK (direction IN ('in', 'out')),
    payload    jsonb       NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX console_message_chat ON console_message (chat_id, id);
