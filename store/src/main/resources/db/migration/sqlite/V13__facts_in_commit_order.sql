-- (SQLite flavour of the PostgreSQL migration that numbers facts in commit order for the linker's cache of
-- stored facts; here the rowid is that number, one writer at a time, and the linker checks the number of
-- facts for rows removed by hand: nothing to change. This file keeps the two flavours' versions in step.)
SELECT 1;
