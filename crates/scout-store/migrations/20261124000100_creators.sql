-- Creators, the imports that brought them, and dated snapshots of their figures.
-- Money is integer minor units + ISO currency; rates and shares are integer basis points; times are UTC
-- RFC 3339 text, dates YYYY-MM-DD.

CREATE TABLE import_batches (
    id            INTEGER PRIMARY KEY,
    source_name   TEXT    NOT NULL,            -- file name, "demo workspace", "TikTok Shop API"
    source_kind   TEXT    NOT NULL CHECK (source_kind IN ('file', 'demo', 'api')),
    content_hash  TEXT,                        -- sha256 of the file's bytes; NULL for API pulls
    format        TEXT,
    headers       TEXT    NOT NULL DEFAULT '[]',   -- the file's header row (JSON), to export rejected rows under it
    mapping       TEXT,                        -- the column mapping used (JSON), so a re-import with a new mapping is not "the same file"
    as_of         TEXT    NOT NULL,            -- the date rows without their own as_of are taken to be from
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,                        -- NULL only inside the import's own transaction
    rows_total    INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    merged        INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batches_hash ON import_batches (content_hash);

CREATE TABLE creators (
    id                 INTEGER PRIMARY KEY,
    platform           TEXT    NOT NULL,
    handle             TEXT    NOT NULL,
    open_id            TEXT,
    display_name       TEXT,
    followers          INTEGER,
    following          INTEGER,
    avg_views          INTEGER,
    avg_likes          INTEGER,
    avg_comments       INTEGER,
    avg_shares         INTEGER,
    engagement_bp      INTEGER,                -- as stated by the source; see engagement_eff_bp
    engagement_eff_bp  INTEGER,                -- stated, else derived from the averages: what lists sort on
    gmv_minor          INTEGER,
    gmv_currency       TEXT,
    units_sold         INTEGER,
    avg_commission_bp  INTEGER,
    categories         TEXT    NOT NULL DEFAULT '[]',   -- JSON array of strings
    country            TEXT,
    language           TEXT,
    bio                TEXT,
    email              TEXT,
    audience           TEXT,                   -- JSON AudienceMix, NULL when no source gave one
    search_text        TEXT    NOT NULL,       -- lower-case handle + display name, for search
    first_batch_id     INTEGER NOT NULL REFERENCES import_batches (id),
    last_batch_id      INTEGER NOT NULL REFERENCES import_batches (id),
    first_seen_at      TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (platform, handle)
);
CREATE UNIQUE INDEX creators_open_id ON creators (platform, open_id) WHERE open_id IS NOT NULL;
CREATE INDEX creators_followers ON creators (followers);
CREATE INDEX creators_avg_views ON creators (avg_views);
CREATE INDEX creators_engagement ON creators (engagement_eff_bp);
CREATE INDEX creators_gmv ON creators (gmv_minor);
CREATE INDEX creators_country ON creators (country, followers);
CREATE INDEX creators_updated ON creators (updated_at);
CREATE INDEX creators_name ON creators (display_name);

-- Category membership, one row per (creator, category), for fast filtering and facets.
CREATE TABLE creator_categories (
    creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    category   TEXT    NOT NULL,
    PRIMARY KEY (category, creator_id)
) WITHOUT ROWID;

-- The figures one batch supplied for one creator (NULL = not supplied), added whenever a batch changes a
-- figure: growth and freshness over time, and where each current figure came from.
CREATE TABLE creator_snapshots (
    creator_id         INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    batch_id           INTEGER NOT NULL REFERENCES import_batches (id),
    as_of              TEXT    NOT NULL,
    followers          INTEGER,
    following          INTEGER,
    avg_views          INTEGER,
    avg_likes          INTEGER,
    avg_comments       INTEGER,
    avg_shares         INTEGER,
    engagement_bp      INTEGER,
    gmv_minor          INTEGER,
    gmv_currency       TEXT,
    units_sold         INTEGER,
    avg_commission_bp  INTEGER,
    PRIMARY KEY (creator_id, batch_id)
) WITHOUT ROWID;

-- Everything an import had to say about a row: rejected rows (with their cells, for export and fixing),
-- merged duplicates and cells whose value could not be read.
CREATE TABLE import_issues (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    column_name TEXT,
    raw_value   TEXT,
    message     TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('rejected', 'merged', 'value_skipped')),
    cells       TEXT                           -- JSON array of the row's raw cells, for rejected rows
);
CREATE INDEX import_issues_batch ON import_issues (batch_id, line);
