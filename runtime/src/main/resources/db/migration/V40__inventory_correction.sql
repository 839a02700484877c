-- The owner's corrections of a batch's stock (a roll found damaged, a miscount), each with its reason: an audit
-- trail that keeps what the batch held before and after. Written only by InventoryRepository.correct, in the same
-- transaction as the batch's update; append-only like the ledger.
CREATE TABLE inventory_correction (
    id                         bigserial     PRIMARY KEY,
    batch_id                   bigint        NOT NULL REFERENCES inventory_batch (id),
    rolls_before               integer       NOT NULL,
    loose_meters_before        numeric(10,2) NOT NULL,
    rolls_after                integer       NOT NULL,
    loose_meters_after         numeric(10,2) NOT NULL,
    reason                     text          NOT NULL,
    corrected_by               text          NOT NULL,
    corrected_at               timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT inventory_correction_after_not_negative CHECK (rolls_after >= 0 AND loose_meters_after >= 0),
    CONSTRAINT inventory_correction_reason_given CHECK (length(btrim(reason)) BETWEEN 1 AND 500)
);
CREATE INDEX inventory_correction_batch ON inventory_correction (batch_id, id);

CREATE FUNCTION inventory_correction_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock corrections are an audit trail: record a new correction instead of changing correction %', OLD.id;
END $$;
CREATE TRIGGER inventory_correction_append_only BEFORE UPDATE OR DELETE ON inventory_correction
    FOR EACH ROW EXECUTE FUNCTION inventory_correction_append_only();
