-- What happens after a creator says yes: the agreed terms (one current row per creator and campaign;
-- each change is also on the timeline), sample shipments and content posts. A timeline event whose
-- from_stage equals its to_stage records something without moving the creator.
CREATE TABLE agreements (
    campaign_id        INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id         INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    commission_bp      INTEGER NOT NULL,
    flat_fee_minor     INTEGER,
    flat_fee_currency  TEXT,
    free_sample        INTEGER NOT NULL,
    deliverables       TEXT    NOT NULL,
    content_due        TEXT,                    -- YYYY-MM-DD
    recorded_at        TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, creator_id),
    CHECK ((flat_fee_minor IS NULL) = (flat_fee_currency IS NULL))
);

CREATE TABLE sample_shipments (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id       INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    carrier          TEXT    NOT NULL,
    tracking_number  TEXT    NOT NULL,
    cost_minor       INTEGER,
    cost_currency    TEXT,
    shipped_on       TEXT    NOT NULL,          -- YYYY-MM-DD
    recorded_at      TEXT    NOT NULL,
    UNIQUE (campaign_id, creator_id, carrier, tracking_number),
    CHECK ((cost_minor IS NULL) = (cost_currency IS NULL))
);

CREATE TABLE content_posts (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id   INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    url          TEXT    NOT NULL,
    posted_on    TEXT    NOT NULL,              -- YYYY-MM-DD
    recorded_at  TEXT    NOT NULL,
    UNIQUE (campaign_id, creator_id, url)
);

-- A follow-up the seller put off: hidden until the date, then due again.
CREATE TABLE follow_up_snoozes (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id   INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    until        TEXT    NOT NULL,              -- YYYY-MM-DD
    PRIMARY KEY (campaign_id, creator_id, kind)
);

CREATE INDEX shortlist_stage ON shortlist (stage, stage_changed_at);
