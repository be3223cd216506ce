-- The seller's own words on creators, workspace-wide (a shortlist's tags are per campaign), and
-- creators the seller hid: out of the list and the rankings until shown again, nothing deleted.
CREATE TABLE creator_tags (
    creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL,
    PRIMARY KEY (creator_id, tag)
) WITHOUT ROWID;
CREATE INDEX creator_tags_tag ON creator_tags (tag, creator_id);

ALTER TABLE creators ADD COLUMN hidden_at TEXT;
-- Few creators are hidden: the list leaves them out by probing this small index, so its sort walks stay
-- on their own indexes.
CREATE INDEX creators_hidden ON creators (id) WHERE hidden_at IS NOT NULL;
