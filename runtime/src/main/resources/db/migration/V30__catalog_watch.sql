-- The catalog-watch flow (docs/architecture.md, "The catalog-watch flow"): a web shop's catalog synced into the bot,
-- customers' watches on its products, and the changes a sync found, which become alerts exactly once.
-- Separate from the order agent's fabric catalog (material, color) and from the shop flow's own products.

-- One sync of the catalog: scheduled, started by the owner, an upload, or a restock check of watched products.
CREATE TABLE catalog_sync_run (
    id            bigserial   PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('sitemap', 'feed', 'upload', 'restock-check')),
    trigger       text        NOT NULL,
    status        text        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    pages_fetched integer     NOT NULL DEFAULT 0,
    unchanged     integer     NOT NULL DEFAULT 0,
    added         integer     NOT NULL DEFAULT 0,
    updated       integer     NOT NULL DEFAULT 0,
    delisted      integer     NOT NULL DEFAULT 0,
    failed        integer     NOT NULL DEFAULT 0,
    error         text
);
-- At most one sync writes at a time, whichever replica or trigger started it.
CREATE UNIQUE INDEX catalog_sync_run_one_running ON catalog_sync_run ((true)) WHERE status = 'RUNNING';

-- Pages a run could not read or parse: recorded and skipped, never fatal to the run.
CREATE TABLE catalog_sync_failure (
    run_id  bigint NOT NULL REFERENCES catalog_sync_run (id),
    url     text   NOT NULL,
    reason  text   NOT NULL,
    PRIMARY KEY (run_id, url)
);

-- A product of the watched catalog. external_id is the product page's URL (sitemap) or the feed's id; a product
-- that a complete run of its source no longer lists is delisted, never deleted (watches and events point at it).
CREATE TABLE catalog_product (
    id            bigserial   PRIMARY KEY,
    source        text        NOT NULL,
    external_id   text        NOT NULL,
    url           text,
    sku           text,
    name          text        NOT NULL,
    brand         text,
    category      text,
    origin        text,
    description   text,
    image_url     text,
    price_minor   bigint      CHECK (price_minor >= 0),
    currency      text,
    available     boolean     NOT NULL DEFAULT false,
    delisted      boolean     NOT NULL DEFAULT false,
    lastmod       text,
    -- name, brand, category, origin and description, lower case without accents: what text search matches
    search_text   text        NOT NULL DEFAULT '',
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_run bigint,
    CONSTRAINT catalog_product_once UNIQUE (source, external_id)
);
CREATE INDEX catalog_product_search ON catalog_product USING gin (to_tsvector('simple', search_text));
CREATE INDEX catalog_product_category ON catalog_product (category) WHERE NOT delisted;
CREATE INDEX catalog_product_brand ON catalog_product (brand) WHERE NOT delisted;
CREATE INDEX catalog_product_changed ON catalog_product (changed_at DESC) WHERE NOT delisted;

-- A customer's watch on a product.
CREATE TABLE catalog_watch (
    channel    text        NOT NULL,
    chat_id    text        NOT NULL,
    product_id bigint      NOT NULL REFERENCES catalog_product (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_id, product_id)
);
CREATE INDEX catalog_watch_product ON catalog_watch (product_id);

-- What a run changed, written in the transaction that changed it; at most one event of a kind per product and run.
CREATE TABLE catalog_change_event (
    id              bigserial   PRIMARY KEY,
    product_id      bigint      NOT NULL REFERENCES catalog_product (id),
    run_id          bigint      NOT NULL REFERENCES catalog_sync_run (id),
    kind            text        NOT NULL CHECK (kind IN ('BACK_IN_STOCK', 'OUT_OF_STOCK', 'PRICE_CHANGED', 'DELISTED')),
    old_price_minor bigint,
    new_price_minor bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CONSTRAINT catalog_change_event_once UNIQUE (product_id, kind, run_id)
);
CREATE INDEX catalog_change_event_undelivered ON catalog_change_event (id) WHERE delivered_at IS NULL;

-- One alert per event and watcher: the key that makes a second delivery (another replica, a retry) a no-op.
CREATE TABLE catalog_alert (
    event_id bigint NOT NULL REFERENCES catalog_change_event (id),
    channel  text   NOT NULL,
    chat_id  text   NOT NULL,
    PRIMARY KEY (event_id, channel, chat_id)
);

-- The in-process embedding of each product (all-MiniLM-L6-v2, 384 dimensions, unit length) as real[]: PostgreSQL
-- without pgvector; similarity is computed in the runtime (catalogwatch.Recommendations).
CREATE TABLE catalog_embedding (
    product_id bigint      PRIMARY KEY REFERENCES catalog_product (id),
    model      text        NOT NULL,
    text_hash  text        NOT NULL,
    vector     real[]      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
