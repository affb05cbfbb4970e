-- Each claim's fact is a column of the claim, not a row of fact_claims: a claim belongs to exactly one
-- fact, and COPY fact_claims was about a seventh of the store's backend time (a row and two B-tree
-- entries, its key and its fact_id index, for every claim); claims_fact is one entry.
-- The store links every claim in the transaction that inserts it, so fact_id is set for every claim;
-- the column stays nullable, as in the SQLite flavour (which cannot add a NOT NULL column without a
-- default). The UPDATE rewrites every claim row once.
ALTER TABLE claims ADD COLUMN fact_id VARCHAR(64) COLLATE "C";
UPDATE claims c SET fact_id = fc.fact_id FROM fact_claims fc WHERE fc.claim_id = c.id;
DROP TABLE fact_claims;
CREATE INDEX claims_fact ON claims (fact_id);
-- for queries written against the old table (read only)
CREATE VIEW fact_claims AS SELECT id AS claim_id, fact_id FROM claims WHERE fact_id IS NOT NULL;
