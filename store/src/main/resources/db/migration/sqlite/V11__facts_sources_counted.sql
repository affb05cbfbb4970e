-- A fact's number of sources is the number of its claims (claims.fact_id, index claims_fact), counted
-- when facts are read (FactReader), no longer a column: the store raised facts.sources for every claim
-- that joined a fact, some 4,000 facts a batch of 5,000 claims, which dirtied most of the facts table's
-- pages in every transaction. (Mirrors the PostgreSQL flavour.) DROP COLUMN rewrites the table once.
ALTER TABLE facts DROP COLUMN sources;
