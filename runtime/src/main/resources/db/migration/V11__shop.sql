-- The shop flow (flow.shop): a catalog of products in categories with whole units in stock, customers' carts,
-- their delivery details, and the Telegram home message that navigation edits in place.

CREATE TABLE product_category (
    id        bigserial PRIMARY KEY,
    name      text      NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    position  integer   NOT NULL DEFAULT 0,
    CONSTRAINT product_category_name UNIQUE (name)
);

-- A product; price in integer minor units, stock in whole units. Stock is changed only by conditional updates
-- (never below zero), so two checkouts of the last unit cannot both take it.
CREATE TABLE product (
    id           bigserial   PRIMARY KEY,
    sku          text        NOT NULL CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description  text        NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    category_id  bigint      NOT NULL REFERENCES product_category (id),
    price_minor  bigint      NOT NULL CHECK (price_minor >= 0 AND price_minor <= 1000000000000),
    stock        integer     NOT NULL CHECK (stock >= 0),
    image_url    text        CHECK (image_url ~ '^https?://'),
    active       boolean     NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_sku_unique UNIQUE (sku)
);
CREATE INDEX product_category_page ON product (category_id, name, id) WHERE active;

ALTER TABLE order_line ADD CONSTRAINT order_line_product FOREIGN KEY (product_id) REFERENCES product (id);

-- A customer's cart, one per chat. Prices are read when the cart is shown and at checkout, never stored here.
CREATE TABLE cart (
    channel      text        NOT NULL,
    chat_id      text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    reminded_at  timestamptz,
    PRIMARY KEY (channel, chat_id)
);
CREATE INDEX cart_updated ON cart (updated_at);

CREATE TABLE cart_line (
    channel     text    NOT NULL,
    chat_id     text    NOT NULL,
    product_id  bigint  NOT NULL REFERENCES product (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    added_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (channel, chat_id, product_id),
    FOREIGN KEY (channel, chat_id) REFERENCES cart (channel, chat_id) ON DELETE CASCADE
);

-- The delivery details a customer gave at their last checkout, offered again at the next.
CREATE TABLE delivery_details (
    channel     text        NOT NULL,
    chat_id     text        NOT NULL,
    name        text        NOT NULL,
    phone       text        NOT NULL,
    address     text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id)
);

-- The channel's id of the message that holds a chat's named slot ("home"): a later message for the slot edits it
-- instead of sending a new one, on channels that can edit (Telegram).
CREATE TABLE outbox_slot (
    channel             text        NOT NULL,
    chat_id             text        NOT NULL,
    slot                text        NOT NULL,
    channel_message_id  text        NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id, slot)
);
