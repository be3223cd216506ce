-- Column mappings a seller set by hand, remembered per header layout so the next file with the same
-- columns is read the same way.
CREATE TABLE saved_mappings (
    header_key TEXT PRIMARY KEY,   -- the file's normalised headers joined by U+001F
    mapping    TEXT NOT NULL,      -- JSON ColumnMapping
    saved_at   TEXT NOT NULL
);
