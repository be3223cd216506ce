-- Figures a source gives only as a range (TikTok Shop shows a private creator's 30-day GMV and units as
-- "$1K–10K"), kept as ranges: the low and high ends (high NULL = "or more"), in the minor units of
-- `gmv_currency`. When a range is set, `gmv_minor` / `units_sold` hold its midpoint — what lists sort on and
-- the match reads (with lower confidence) — and the figure is shown as the range, never as that number.
ALTER TABLE creators ADD COLUMN gmv_low_minor INTEGER;
ALTER TABLE creators ADD COLUMN gmv_high_minor INTEGER;
ALTER TABLE creators ADD COLUMN units_low INTEGER;
ALTER TABLE creators ADD COLUMN units_high INTEGER;
ALTER TABLE creator_snapshots ADD COLUMN gmv_low_minor INTEGER;
ALTER TABLE creator_snapshots ADD COLUMN gmv_high_minor INTEGER;
ALTER TABLE creator_snapshots ADD COLUMN units_low INTEGER;
ALTER TABLE creator_snapshots ADD COLUMN units_high INTEGER;
