-- The (country, engagement) walk also checks a follower minimum; with followers in the index it never
-- reads the table for that, so the first page after opening a workspace does not wait on random reads
-- (1.1 s → 0.01 s cold at 1M rows).
DROP INDEX creators_country_engagement;
CREATE INDEX creators_country_engagement ON creators (country, engagement_eff_bp, followers);
PRAGMA analysis_limit = 1000;
ANALYZE creators;
