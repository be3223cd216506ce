-- The shop region's product categories (TikTok Shop's Get Categories): the creator marketplace names
-- categories by id only, so these turn its ids into names. Replaced whole when fetched again.
CREATE TABLE shop_categories (
    id         TEXT    PRIMARY KEY,
    parent_id  TEXT,                           -- NULL for a top-level category
    name       TEXT    NOT NULL,
    is_leaf    INTEGER NOT NULL,
    fetched_on TEXT    NOT NULL                -- YYYY-MM-DD (UTC)
) WITHOUT ROWID;

-- Each creator's newest TikTok Shop marketplace profile (JSON `ShopProfile`: GMV by category, GPM, PPS,
-- post rate, fulfilment, sample score, level, trend …), from the profile import that brought it. The
-- match reads it beside the creator's figures; a creator who leaves takes their profile along.
CREATE TABLE creator_shop_profiles (
    creator_id INTEGER PRIMARY KEY REFERENCES creators (id) ON DELETE CASCADE,
    batch_id   INTEGER NOT NULL REFERENCES import_batches (id),
    as_of      TEXT    NOT NULL,
    profile    TEXT    NOT NULL
);
