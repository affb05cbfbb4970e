-- fact_claims as a WITHOUT ROWID table: a rowid table with a text primary key is two B-trees (the rows
-- by rowid, and the key's index), each written for every claim stored; keyed by claim_id its rows
-- (two 32-character ids) are the primary key's B-tree itself, one insert fewer per claim, and the
-- look-up by claim id reads one B-tree. (The PostgreSQL flavour has no rowid: its V9 changes nothing.)
CREATE TABLE fact_claims_v9 (
    claim_id        VARCHAR(64) PRIMARY KEY,
    fact_id         VARCHAR(64) NOT NULL
) WITHOUT ROWID;
INSERT INTO fact_claims_v9 (claim_id, fact_id) SELECT claim_id, fact_id FROM fact_claims;
DROP TABLE fact_claims;
ALTER TABLE fact_claims_v9 RENAME TO fact_claims;
CREATE INDEX fact_claims_fact ON fact_claims (fact_id);
-- The index the linker reads a batch's candidate facts with (some 15,000 a batch, by subject and value
-- window) holds every column it reads: the query reads the index alone, not one table row per fact.
-- New facts are a few per hundred claims; sources, raised for every claim that joins a fact, is not in it.
DROP INDEX facts_subject_value;
CREATE INDEX facts_subject_value ON facts (subject_key, value_low, created_at, id, currency, value_high, qualifier);
