-- Free-sample requests creators made to the shop on TikTok Shop (issue 19), as the last sync saw them,
-- keyed by TikTok's application id. The creator's signals are TikTok's at the time Scout first or last
-- saw the request (a sync never blanks a known one); the status follows TikTok. `creator_id` links the
-- request to the workspace's creator with the same open id when there is one.
CREATE TABLE sample_requests (
    application_id       TEXT PRIMARY KEY,
    creator_open_id      TEXT NOT NULL,
    creator_username     TEXT,
    creator_id           INTEGER REFERENCES creators (id) ON DELETE SET NULL,
    product_id           TEXT NOT NULL,
    product_name         TEXT,
    status               TEXT NOT NULL,    -- TikTok's word: PENDING, AWAITING_SHIPMENT, …
    approve_by           TEXT,             -- the deadline to decide, RFC 3339 UTC
    ship_by              TEXT,
    fulfilment_90d_bp    INTEGER,          -- share of samples posted for over 90 days
    gmv_30d_minor        INTEGER,
    gmv_30d_currency     TEXT,
    median_video_views   INTEGER,          -- 30-day median shoppable video views
    approvable           INTEGER NOT NULL, -- 0/1: whether TikTok lets the seller approve it
    order_id             TEXT,             -- the sample order, once approved
    tracking_number      TEXT,
    fulfilment_status    TEXT,             -- TikTok's word: PENDING, ONGOING, SUCCEED, …
    first_seen_at        TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX sample_requests_by_status ON sample_requests (status, first_seen_at DESC, application_id);
CREATE INDEX sample_requests_creator ON sample_requests (creator_id) WHERE creator_id IS NOT NULL;
