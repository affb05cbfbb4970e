-- (SQLite flavour of the PostgreSQL migration that keeps claims.record as JSON text rather than JSONB;
-- here it has always been TEXT: nothing to change. This file keeps the two flavours' versions in step.)
SELECT 1;
