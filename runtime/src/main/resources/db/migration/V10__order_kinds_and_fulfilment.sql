-- Orders of every flow are rows of customer_order (the order agent's and the shop's alike), so invoices, their
-- numbering, the ledger and the owner API's order list apply to all of them.

-- Which flow or system made the order, and how a shop order is paid and delivered (NULL for the order agent's).
ALTER TABLE customer_order ADD COLUMN kind text NOT NULL DEFAULT 'ORDER_AGENT';
ALTER TABLE customer_order ADD CONSTRAINT customer_order_kind CHECK (kind IN ('ORDER_AGENT', 'SHOP'));
ALTER TABLE customer_order ADD COLUMN payment text;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_payment CHECK (payment IN ('CASH_ON_DELIVERY', 'ON_ACCOUNT'));
ALTER TABLE customer_order ADD COLUMN delivery_name text;
ALTER TABLE customer_order ADD COLUMN delivery_phone text;
ALTER TABLE customer_order ADD COLUMN delivery_address text;

-- What happens to an accepted order afterwards: NULL (not started), then PREPARING, READY, SHIPPED, DELIVERED, or
-- CANCELLED with a reason. Forward only (commerce.order.Fulfilment); only an accepted order is fulfilled.
ALTER TABLE customer_order ADD COLUMN fulfilment text;
ALTER TABLE customer_order ADD COLUMN fulfilment_reason text;
ALTER TABLE customer_order ADD COLUMN fulfilment_at timestamptz;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_fulfilment
    CHECK (fulfilment IN ('PREPARING', 'READY', 'SHIPPED', 'DELIVERED', 'CANCELLED'));
ALTER TABLE customer_order ADD CONSTRAINT customer_order_fulfilment_accepted
    CHECK (fulfilment IS NULL OR state = 'ORDER_COMPLETED');
ALTER TABLE customer_order ADD CONSTRAINT customer_order_fulfilment_when
    CHECK ((fulfilment IS NULL) = (fulfilment_at IS NULL));
ALTER TABLE customer_order ADD CONSTRAINT customer_order_cancel_reason
    CHECK ((fulfilment IS NOT DISTINCT FROM 'CANCELLED') = (fulfilment_reason IS NOT NULL));

-- A line is either the order agent's (material, colour, meters, with batch allocations) or a product's (sku,
-- name, a whole quantity at a unit price). product_id names the shop's product when there is one.
ALTER TABLE order_line ALTER COLUMN material DROP NOT NULL;
ALTER TABLE order_line ALTER COLUMN color DROP NOT NULL;
ALTER TABLE order_line ALTER COLUMN meters DROP NOT NULL;
ALTER TABLE order_line ADD COLUMN product_id bigint;
ALTER TABLE order_line ADD COLUMN product_sku text;
ALTER TABLE order_line ADD COLUMN product_name text;
ALTER TABLE order_line ADD COLUMN quantity integer CHECK (quantity > 0);
ALTER TABLE order_line ADD COLUMN unit_price_minor bigint CHECK (unit_price_minor >= 0);
ALTER TABLE order_line DROP CONSTRAINT order_line_one_unit;
ALTER TABLE order_line ADD CONSTRAINT order_line_one_kind CHECK (
       (product_sku IS NULL AND product_id IS NULL AND product_name IS NULL AND quantity IS NULL AND unit_price_minor IS NULL
        AND material IS NOT NULL AND color IS NOT NULL AND meters IS NOT NULL
        AND (requested_meters IS NULL) <> (requested_rolls IS NULL))
    OR (product_sku IS NOT NULL AND product_name IS NOT NULL AND quantity IS NOT NULL AND unit_price_minor IS NOT NULL
        AND material IS NULL AND color IS NULL AND meters IS NULL AND requested_meters IS NULL AND requested_rolls IS NULL
        AND amount_minor = quantity::bigint * unit_price_minor));
CREATE INDEX customer_order_kind_state ON customer_order (kind, state, id);
