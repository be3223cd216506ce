-- A campaign the seller archived: kept with its history and results, out of the way of active work
-- (the campaign list's active section, the pipeline board, follow-ups). NULL = active.
ALTER TABLE campaigns ADD COLUMN archived_at TEXT;
