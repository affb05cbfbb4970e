-- (PostgreSQL flavour of the SQLite migration, which makes fact_claims a WITHOUT ROWID table, one
-- B-tree fewer to write per claim, and puts every column the linker reads in facts_subject_value.)
-- PostgreSQL tables have no rowid B-tree, and its linker's query was not measured slow: nothing to change. This
-- file keeps the two flavours' versions in step.
SELECT 1;
