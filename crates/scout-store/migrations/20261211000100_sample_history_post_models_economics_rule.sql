-- Predicting who posts after a free sample (issue 19, decision 0025).

-- The signals a request showed when Scout first saw it (the signals at request time, what P(post) is
-- trained on); `sample_requests` keeps TikTok's latest. A signal missing at first is filled by the first
-- sync that has it, and never changed after. The sample score comes from the creator's stored profile.
CREATE TABLE sample_history (
    application_id      TEXT PRIMARY KEY REFERENCES sample_requests (application_id) ON DELETE CASCADE,
    fulfilment_90d_bp   INTEGER,
    gmv_30d_minor       INTEGER,
    gmv_30d_currency    TEXT,
    median_video_views  INTEGER,
    sample_score        INTEGER,
    first_seen_at       TEXT NOT NULL,
    content_fetched_at  TEXT              -- the last fulfilments search for it; NULL = never
);

-- The content a creator posted for a sample (TikTok's fulfilments search), one row per content id; a
-- later fetch updates the figures but never blanks one already known.
CREATE TABLE sample_fulfilments (
    application_id  TEXT NOT NULL REFERENCES sample_requests (application_id) ON DELETE CASCADE,
    content_id      TEXT NOT NULL,
    format          TEXT,              -- VIDEO, LIVE
    url             TEXT,
    views           INTEGER,
    likes           INTEGER,
    comments        INTEGER,
    paid_orders     INTEGER,
    posted_at       TEXT,              -- RFC 3339 UTC (TikTok's create_time)
    fetched_at      TEXT NOT NULL,
    PRIMARY KEY (application_id, content_id)
);

-- P(post) models learned from the seller's outcomes, and which is in use (newest adoption wins; a NULL
-- model is the default: TikTok's signals alone). Like match_models / model_adoptions.
CREATE TABLE post_models (
    id          INTEGER PRIMARY KEY,
    version     TEXT NOT NULL UNIQUE,
    model       TEXT NOT NULL,         -- JSON LearnedPostModel
    evaluation  TEXT NOT NULL,         -- JSON PostEvaluation
    simulated   INTEGER NOT NULL,      -- 1 when any outcome came from a synthetic history
    trained_at  TEXT NOT NULL
);
CREATE TABLE post_model_adoptions (
    id          INTEGER PRIMARY KEY,
    model_id    INTEGER REFERENCES post_models (id),
    adopted_at  TEXT NOT NULL
);

-- Per product (TikTok's product id): what a sale leaves and what a sample costs, in one currency.
CREATE TABLE sample_economics (
    product_id         TEXT PRIMARY KEY,
    currency           TEXT NOT NULL,
    price_minor        INTEGER,         -- GMV per paid order; NULL = not set
    margin_bp          INTEGER NOT NULL,
    sample_cost_minor  INTEGER NOT NULL,
    shipping_minor     INTEGER NOT NULL,
    updated_at         TEXT NOT NULL
);

-- The approval rule: one row, off until the seller turns it on, and only after a backtest of these
-- very settings (a change clears `backtested_at` and turns it off).
CREATE TABLE sample_rule (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    min_p_post_bp        INTEGER NOT NULL,
    min_net_value_minor  INTEGER NOT NULL,
    currency             TEXT NOT NULL,
    daily_limit          INTEGER NOT NULL,
    reject_below         INTEGER NOT NULL,
    enabled              INTEGER NOT NULL DEFAULT 0,
    backtested_at        TEXT,
    updated_at           TEXT NOT NULL
);
