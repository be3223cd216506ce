-- Indexes a bulk import dropped for its load and left to be built after its commit (decision 0005).
-- Each row is written in the import's own transaction, together with its DROP INDEX, so at any moment an
-- index either exists or is listed here. `Store::finish_deferred` builds one and deletes its row in one
-- transaction; opening a workspace builds any left by a crash before running later migrations.
CREATE TABLE deferred_indexes (
    name        TEXT PRIMARY KEY,
    sql         TEXT NOT NULL,
    deferred_at TEXT NOT NULL
);
