-- The catalog's vocabulary and batch-level stock (DESIGN §4, the order-agent flow).

-- Materials and colours by their canonical names: lower case, trimmed, single spaces (the runtime writes them so).
-- Order extraction matches customers' words against these and the synonyms below.
CREATE TABLE material (
    name        text        PRIMARY KEY CHECK (name <> '' AND name = btrim(name)),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE color (
    name        text        PRIMARY KEY CHECK (name <> '' AND name = btrim(name)),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Words the business uses for a canonical name ("sooti" for cotton, "laal" for red). One table for both kinds;
-- the generated columns exist only so that each kind's canonical name has a real foreign key to its own table.
CREATE TABLE synonym (
    kind        text        NOT NULL CHECK (kind IN ('material', 'color')),
    word        text        NOT NULL CHECK (word <> '' AND word = btrim(word)),
    canonical   text        NOT NULL,
    material    text        GENERATED ALWAYS AS (CASE WHEN kind = 'material' THEN canonical END) STORED
                            REFERENCES material (name),
    color       text        GENERATED ALWAYS AS (CASE WHEN kind = 'color' THEN canonical END) STORED
                            REFERENCES color (name),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, word)
);

-- One delivery of one material in one colour: whole rolls of equal length plus loose meters left from cut rolls.
-- Meters are exact (numeric, two decimals), money is integer minor units. Approval deducts with conditional
-- updates; the checks make any deduction that would take stock below zero fail instead of overselling.
CREATE TABLE inventory_batch (
    id                      bigserial     PRIMARY KEY,
    material                text          NOT NULL REFERENCES material (name),
    color                   text          NOT NULL REFERENCES color (name),
    rolls_available         integer       NOT NULL,
    meters_per_roll         numeric(10,2) NOT NULL,
    loose_meters_available  numeric(10,2) NOT NULL,
    dye_lot                 text,
    price_per_meter_minor   bigint        NOT NULL,
    received_at             timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT inventory_batch_rolls_not_negative CHECK (rolls_available >= 0),
    CONSTRAINT inventory_batch_roll_length_positive CHECK (meters_per_roll > 0),
    CONSTRAINT inventory_batch_loose_not_negative CHECK (loose_meters_available >= 0),
    CONSTRAINT inventory_batch_price_not_negative CHECK (price_per_meter_minor >= 0),
    CONSTRAINT inventory_batch_dye_lot_named CHECK (dye_lot IS NULL OR (dye_lot <> '' AND dye_lot = btrim(dye_lot)))
);
-- Allocation reads one material and colour's batches in the order they arrived.
CREATE INDEX inventory_batch_allocation ON inventory_batch (material, color, received_at, id);
