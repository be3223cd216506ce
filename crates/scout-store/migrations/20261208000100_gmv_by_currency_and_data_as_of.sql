-- GMV sorts within each currency, never across them (decision 0018): the list walks one currency's
-- amounts at a time, so the index leads with the currency.
DROP INDEX IF EXISTS creators_gmv;
DELETE FROM deferred_indexes WHERE name IN ('creators_gmv', 'creators_updated');
CREATE INDEX creators_gmv ON creators (gmv_currency, gmv_minor);

-- The date the creator's newest figures are from, as their source said (the newest `as_of` of the
-- creator's snapshots; NULL when no source gave a figure). The list shows and sorts it as "Data as of";
-- the import writes it with the row. When Scout wrote the row (`updated_at`) is no longer sorted on.
ALTER TABLE creators ADD COLUMN data_as_of TEXT;
UPDATE creators SET data_as_of = (SELECT max(s.as_of) FROM creator_snapshots s WHERE s.creator_id = creators.id);
DROP INDEX IF EXISTS creators_updated;
CREATE INDEX creators_as_of ON creators (data_as_of);

PRAGMA analysis_limit = 1000;
ANALYZE creators;
