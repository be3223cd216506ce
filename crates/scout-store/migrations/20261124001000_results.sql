-- Results: affiliate order lines and creator video results imported from exports, every results import
-- with its row-level issues, and the collaboration (campaign, creator) each order line is attributed to.
-- Money is integer minor units of the line's currency; times are the shop's local time as exported
-- ("YYYY-MM-DD HH:MM:SS", no zone).

CREATE TABLE results_imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('orders', 'videos')),
    content_hash  TEXT    NOT NULL,             -- sha256 of the file's bytes
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    rows_total    INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE results_import_issues (
    import_id    INTEGER NOT NULL REFERENCES results_imports (id) ON DELETE CASCADE,
    line         INTEGER NOT NULL,
    column_name  TEXT,
    raw_value    TEXT,
    message      TEXT    NOT NULL,
    rejected     INTEGER NOT NULL CHECK (rejected IN (0, 1)),
    cells        TEXT                           -- JSON array of a rejected row's raw cells
);
CREATE INDEX results_import_issues_import ON results_import_issues (import_id, line);

CREATE TABLE order_lines (
    id                       INTEGER PRIMARY KEY,
    order_id                 TEXT    NOT NULL,
    sku_id                   TEXT    NOT NULL,  -- '' when the export has one line per order
    product_id               TEXT,
    product_name             TEXT,
    creator_handle           TEXT,              -- normalised like creators.handle
    content_type             TEXT,
    content_id               TEXT,
    quantity                 INTEGER NOT NULL CHECK (quantity > 0),
    currency                 TEXT    NOT NULL,
    unit_price_minor         INTEGER,
    payment_minor            INTEGER NOT NULL CHECK (payment_minor >= 0),
    refund_minor             INTEGER NOT NULL CHECK (refund_minor BETWEEN 0 AND payment_minor),
    units_refunded           INTEGER NOT NULL CHECK (units_refunded BETWEEN 0 AND quantity),
    status                   TEXT,
    commission_bp            INTEGER,
    commission_est_minor     INTEGER NOT NULL,
    commission_actual_minor  INTEGER,
    settlement               TEXT    NOT NULL CHECK (settlement IN ('pending', 'settled', 'ineligible')),
    created_at               TEXT    NOT NULL,
    paid_at                  TEXT,
    delivered_at             TEXT,
    commission_paid_at       TEXT,
    target_collaboration_id  TEXT,
    content_hash             INTEGER NOT NULL,  -- of the line's imported values: an unchanged row is skipped
    first_import_id          INTEGER NOT NULL REFERENCES results_imports (id),
    last_import_id           INTEGER NOT NULL REFERENCES results_imports (id),
    -- Attribution: both set, or neither (NULL = no collaboration claims the line).
    campaign_id              INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    creator_id               INTEGER REFERENCES creators (id) ON DELETE SET NULL,
    attribution              TEXT CHECK (attribution IN ('collaboration_id', 'window', 'manual')),
    UNIQUE (order_id, sku_id)
);
CREATE INDEX order_lines_collaboration ON order_lines (campaign_id, creator_id);
CREATE INDEX order_lines_unattributed ON order_lines (created_at) WHERE campaign_id IS NULL;

CREATE TABLE video_results (
    id                    INTEGER PRIMARY KEY,
    video_id              TEXT    NOT NULL UNIQUE,
    creator_handle        TEXT    NOT NULL,
    link                  TEXT,
    posted_on             TEXT,                 -- YYYY-MM-DD
    currency              TEXT    NOT NULL,
    gmv_minor             INTEGER,
    items_sold            INTEGER,
    orders                INTEGER,
    impressions           INTEGER,
    likes                 INTEGER,
    comments              INTEGER,
    commission_est_minor  INTEGER,
    content_hash          INTEGER NOT NULL,
    first_import_id       INTEGER NOT NULL REFERENCES results_imports (id),
    last_import_id        INTEGER NOT NULL REFERENCES results_imports (id)
);
CREATE INDEX video_results_creator ON video_results (creator_handle, posted_on);

-- When an outcome was last written with new values, so "new outcomes since the model was trained" can
-- be counted (NULL for outcomes recorded before this migration).
ALTER TABLE collaboration_outcomes ADD COLUMN recorded_at TEXT;
