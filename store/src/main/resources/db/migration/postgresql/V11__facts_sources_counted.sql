-- A fact's number of sources is the number of its claims (claims.fact_id, index claims_fact), counted
-- when facts are read (FactReader), no longer a column: the store raised facts.sources for every claim
-- that joined a fact, one UPDATE of some 4,000 rows a batch of 5,000 claims (a new row version each).
ALTER TABLE facts DROP COLUMN sources;
