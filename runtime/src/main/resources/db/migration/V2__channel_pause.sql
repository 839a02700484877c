-- A channel that told the bot to slow down (Telegram 429 retry_after, WhatsApp 130429): no replica sends on it
-- until the time has passed.
CREATE TABLE channel_pause (
    channel text        PRIMARY KEY,
    until   timestamptz NOT NULL,
    reason  text        NOT NULL
);
