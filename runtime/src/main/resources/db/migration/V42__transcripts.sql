-- What the customer said, kept with the delivery it came in (written by the intake statement that already records
-- the delivery, so a message costs no extra write), so that the owner's dashboard can show an order's conversation on
-- every channel: the customer's side from here, the bot's from outbox_message. One of the two is set: the text
-- written, or the id of the button pressed. Rows from before this migration have neither.
ALTER TABLE inbound_update ADD COLUMN text text, ADD COLUMN button_id text;

-- A conversation is read by time around an order. BRIN indexes on the insertion-ordered times cost the intake
-- almost nothing to keep (a block range's summary, not an entry per row; ADR 15) and narrow the read to the hours asked for.
CREATE INDEX inbound_update_received ON inbound_update USING brin (received_at);
CREATE INDEX outbox_message_created ON outbox_message USING brin (created_at);
