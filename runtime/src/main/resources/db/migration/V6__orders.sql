-- Orders, invoices and the customers' credit ledger (DESIGN §4, the order-agent flow).
-- Money is integer minor units of the order's currency; meters are exact (two decimals).

-- Customers get a number of their own: the owner API addresses them by it (/api/v1/customers/{id}/ledger).
ALTER TABLE customer ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE customer ADD CONSTRAINT customer_id_unique UNIQUE (id);

-- An order while the customer puts it together lives in the conversation's data; it takes its id from this
-- sequence when it starts, so that buttons can name it, and keeps that id when the customer confirms it.
CREATE SEQUENCE customer_order_id_seq;

-- An order the customer confirmed: waiting for the owner, then completed (approved) or rejected.
CREATE TABLE customer_order (
    id                bigint      PRIMARY KEY,
    customer_id       bigint      NOT NULL REFERENCES customer (id),
    channel           text        NOT NULL,
    chat_id           text        NOT NULL,
    state             text        NOT NULL
                      CHECK (state IN ('WAITING_OWNER_CONFIRMATION', 'ORDER_COMPLETED', 'ORDER_REJECTED')),
    language          text        NOT NULL DEFAULT 'en',
    currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal_minor    bigint      NOT NULL CHECK (subtotal_minor >= 0),
    confirmed_at      timestamptz NOT NULL DEFAULT now(),
    decided_at        timestamptz,
    decided_by        text,
    rejection_reason  text,
    CONSTRAINT customer_order_decided CHECK ((state = 'WAITING_OWNER_CONFIRMATION') = (decided_at IS NULL))
);
CREATE INDEX customer_order_state ON customer_order (state, id);
CREATE INDEX customer_order_customer ON customer_order (customer_id, id);

-- The lines the customer confirmed: what was asked, what is given, and its price as quoted.
CREATE TABLE order_line (
    order_id          bigint        NOT NULL REFERENCES customer_order (id),
    line_no           integer       NOT NULL CHECK (line_no > 0),
    material          text          NOT NULL,
    color             text          NOT NULL,
    requested_meters  numeric(10,2) CHECK (requested_meters > 0),
    requested_rolls   integer       CHECK (requested_rolls > 0),
    meters            numeric(10,2) NOT NULL CHECK (meters > 0),
    amount_minor      bigint        NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_one_unit CHECK ((requested_meters IS NULL) <> (requested_rolls IS NULL))
);

-- Exactly what each line takes from which batch: approval deducts these, no more and no less.
CREATE TABLE order_allocation (
    order_id               bigint        NOT NULL,
    line_no                integer       NOT NULL,
    batch_id               bigint        NOT NULL REFERENCES inventory_batch (id),
    rolls                  integer       NOT NULL CHECK (rolls >= 0),
    loose_meters           numeric(10,2) NOT NULL CHECK (loose_meters >= 0),
    meters                 numeric(10,2) NOT NULL CHECK (meters > 0),
    price_per_meter_minor  bigint        NOT NULL CHECK (price_per_meter_minor >= 0),
    PRIMARY KEY (order_id, line_no, batch_id),
    FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no)
);

-- Invoice numbers are gap-free per bot (each bot has its own schema): the approval transaction takes the next
-- number by updating this one row, so a rolled-back approval gives its number back.
CREATE TABLE invoice_counter (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq  bigint  NOT NULL CHECK (last_seq >= 0)
);
INSERT INTO invoice_counter (last_seq) VALUES (0);

CREATE TABLE invoice (
    id                bigserial     PRIMARY KEY,
    seq               bigint        NOT NULL UNIQUE CHECK (seq > 0),
    number            text          NOT NULL UNIQUE,
    order_id          bigint        NOT NULL UNIQUE REFERENCES customer_order (id),
    customer_id       bigint        NOT NULL REFERENCES customer (id),
    currency          text          NOT NULL,
    subtotal_minor    bigint        NOT NULL CHECK (subtotal_minor >= 0),
    tax_rate_percent  numeric(7,4)  NOT NULL CHECK (tax_rate_percent >= 0),
    tax_minor         bigint        NOT NULL CHECK (tax_minor >= 0),
    total_minor       bigint        NOT NULL,
    issued_at         timestamptz   NOT NULL DEFAULT now(),
    pdf               bytea         NOT NULL,
    CONSTRAINT invoice_total CHECK (total_minor = subtotal_minor + tax_minor)
);

-- The customers' credit: append-only. An invoice is a debit (positive), a payment a credit (negative); the
-- balance due is the sum.
CREATE TABLE ledger_entry (
    id            bigserial   PRIMARY KEY,
    customer_id   bigint      NOT NULL REFERENCES customer (id),
    kind          text        NOT NULL CHECK (kind IN ('INVOICE', 'PAYMENT')),
    amount_minor  bigint      NOT NULL,
    invoice_id    bigint      REFERENCES invoice (id),
    note          text,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entry_sign CHECK ((kind = 'INVOICE' AND amount_minor >= 0 AND invoice_id IS NOT NULL)
                                     OR (kind = 'PAYMENT' AND amount_minor < 0))
);
CREATE INDEX ledger_entry_customer ON ledger_entry (customer_id, id);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only: record a new entry instead of changing entry %', OLD.id;
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();
