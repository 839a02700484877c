-- Recipes (bills of materials, issue 16): a sellable item, named by the sku its order lines carry (a shop product's, or
-- any other system's), consumes stock when its order is approved: units of an ingredient stock item (grams,
-- millilitres, pieces) or meters of a material and colour from the cloth batches. Approval deducts them in the order's
-- transaction; when one is short the order is refused and nothing is deducted.

CREATE TABLE stock_item (
    id                  bigserial     PRIMARY KEY,
    name                text          NOT NULL UNIQUE CHECK (name <> '' AND name = btrim(name) AND length(name) <= 100),
    unit                text          NOT NULL CHECK (unit IN ('g', 'ml', 'pcs')),
    quantity_available  numeric(14,3) NOT NULL CHECK (quantity_available >= 0),
    updated_at          timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE recipe_ingredient (
    sku            text          NOT NULL CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
    ingredient_no  integer       NOT NULL CHECK (ingredient_no > 0),
    stock_item_id  bigint        REFERENCES stock_item (id),
    quantity       numeric(14,3) CHECK (quantity > 0),
    material       text          REFERENCES material (name),
    color          text          REFERENCES color (name),
    meters         numeric(10,2) CHECK (meters > 0),
    PRIMARY KEY (sku, ingredient_no),
    CONSTRAINT recipe_ingredient_one_kind CHECK (
           (stock_item_id IS NOT NULL AND quantity IS NOT NULL AND material IS NULL AND color IS NULL AND meters IS NULL)
        OR (stock_item_id IS NULL AND quantity IS NULL AND material IS NOT NULL AND color IS NOT NULL AND meters IS NOT NULL))
);
