-- (PostgreSQL flavour of the SQLite migration, which makes fact_claims a WITHOUT ROWID table, one
-- B-tree fewer to write per claim.) PostgreSQL tables have no rowid B-tree: nothing to change. This
-- file keeps the two flavours' versions in step.
SELECT 1;
