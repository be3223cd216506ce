-- When Scout last fetched each creator's TikTok Shop profile (by open id): an enrichment that stopped
-- continues with the creators not fetched yet, and stale profiles can be refreshed.
CREATE TABLE profile_fetches (
    open_id    TEXT PRIMARY KEY,
    fetched_on TEXT NOT NULL                   -- YYYY-MM-DD (UTC)
) WITHOUT ROWID;
