-- A creator import can note something about a kept row (a marketplace creator whose GMV is only a
-- range), as a results import already can: 'noted' joins the outcomes. SQLite cannot change a CHECK in
-- place; import_issues is a leaf table (nothing references it), so it is rebuilt with every row kept.
CREATE TABLE import_issues_new (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    column_name TEXT,
    raw_value   TEXT,
    message     TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('rejected', 'merged', 'value_skipped', 'noted')),
    cells       TEXT                           -- JSON array of the row's raw cells, for rejected rows
);
INSERT INTO import_issues_new (id, batch_id, line, column_name, raw_value, message, outcome, cells)
    SELECT id, batch_id, line, column_name, raw_value, message, outcome, cells FROM import_issues;
DROP TABLE import_issues;
ALTER TABLE import_issues_new RENAME TO import_issues;
CREATE INDEX import_issues_batch ON import_issues (batch_id, line);
