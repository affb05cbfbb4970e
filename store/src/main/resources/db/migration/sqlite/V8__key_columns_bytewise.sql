-- (SQLite flavour of the PostgreSQL migration, which makes ids and fact subject keys compare byte
-- by byte, COLLATE "C".) SQLite compares text with its BINARY collation, byte by byte, already:
-- nothing to change. This file keeps the two flavours' versions in step.
SELECT 1;
