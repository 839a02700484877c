-- The dispatcher finds each chat's oldest pending message by walking a channel's pending messages in id order and
-- stopping at the round's limit, instead of sorting the whole backlog every round (which cost tens of milliseconds
-- per round once tens of thousands of messages waited for Telegram's rate limits). It walks this index; the
-- next_attempt_at index it replaces served no query.
DROP INDEX outbox_message_due;
CREATE INDEX outbox_message_pending ON outbox_message (channel, id) WHERE status = 'PENDING';
