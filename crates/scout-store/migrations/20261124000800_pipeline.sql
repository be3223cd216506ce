-- The pipeline: each shortlisted creator's stage in the campaign (the shortlist row is the pipeline
-- row), and a timeline of every change with its time and cause.
ALTER TABLE shortlist ADD COLUMN stage TEXT NOT NULL DEFAULT 'shortlisted';
ALTER TABLE shortlist ADD COLUMN stage_changed_at TEXT;

CREATE TABLE pipeline_events (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    from_stage  TEXT,                           -- NULL when the creator entered the pipeline
    to_stage    TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    cause       TEXT    NOT NULL                -- "offer 12 sent by e-mail", "moved on the board", …
);
CREATE INDEX pipeline_events_creator ON pipeline_events (creator_id, at);
