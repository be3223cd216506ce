-- "Country X, sorted by engagement" walks this index in order and stops after a page, instead of sorting
-- every creator of the country. SQLite only prefers it with statistics, so gather them (sampled: fast
-- at a million rows); every import refreshes them (ImportSession::commit).
CREATE INDEX creators_country_engagement ON creators (country, engagement_eff_bp);
PRAGMA analysis_limit = 1000;
ANALYZE;
