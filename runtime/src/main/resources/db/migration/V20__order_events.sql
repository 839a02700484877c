-- Every state change of every order, written in the transaction of the change (issue 16; ADR 12).
--
-- Readers (the SSE stream, webhooks) follow the events by `seq`, which is given at commit, in commit order: a
-- deferred constraint trigger takes a transaction-level advisory lock, numbers the transaction's events and notifies
-- the listeners; the lock is held until the commit is visible, so a reader that has seen event n has seen every event
-- below n, and resuming after n misses nothing. `id` numbers rows as they are inserted, which is not commit order.
CREATE SEQUENCE order_event_seq;

CREATE TABLE order_event (
    id           bigserial   PRIMARY KEY,
    seq          bigint      UNIQUE,
    order_id     bigint      NOT NULL REFERENCES customer_order (id),
    type         text        NOT NULL,
    state        text        NOT NULL,
    data         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_event_order ON order_event (order_id, seq);

CREATE FUNCTION order_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One bot's events in commit order; other bots (other schemas in the same database) take other locks.
    PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.order_event'));
    UPDATE order_event SET seq = nextval('order_event_seq') WHERE id = NEW.id;
    -- Delivered to listeners on every replica when (and only if) the transaction commits.
    PERFORM pg_notify('parley_order_event', current_schema());
    RETURN NULL;
END $$;

-- Deferred: it runs at commit, after every other statement of the transaction, so the lock is taken last and held
-- only for the commit itself (no row lock is ever awaited while holding it).
CREATE CONSTRAINT TRIGGER order_event_sequence AFTER INSERT ON order_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION order_event_sequence();
