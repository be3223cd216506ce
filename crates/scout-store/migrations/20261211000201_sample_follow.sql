-- Following a sample after the decision (issue 19). When Scout first saw each request in each status: the
-- API carries no shipping or delivery time, so "delivered" is no earlier than the sync that first saw
-- CONTENT_PENDING, and a reminder "at least 5 days after delivery" counts from there.
CREATE TABLE sample_status_seen (
    application_id  TEXT NOT NULL REFERENCES sample_requests (application_id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    first_seen_at   TEXT NOT NULL,
    PRIMARY KEY (application_id, status)
);
INSERT INTO sample_status_seen (application_id, status, first_seen_at)
    SELECT application_id, status, updated_at FROM sample_requests;

-- What of a sample Scout carried onto a campaign's pipeline — its shipment, each post — so a later sync
-- never records it twice.
CREATE TABLE sample_pipeline_links (
    application_id  TEXT NOT NULL REFERENCES sample_requests (application_id) ON DELETE CASCADE,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    what            TEXT NOT NULL,     -- shipment, post:<content id>
    recorded_at     TEXT NOT NULL,
    PRIMARY KEY (application_id, campaign_id, what)
);
