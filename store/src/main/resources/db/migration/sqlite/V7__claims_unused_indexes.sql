-- (SQLite flavour of the PostgreSQL migration.) Two indexes no query uses, each written for every
-- claim stored: claims_stored_at (query --since compares COALESCE(a.published_at, c.stored_at),
-- which an index on stored_at cannot serve) and claims_confidence (--min-confidence keeps most
-- claims and is combined with the order by publication date).
DROP INDEX claims_stored_at;
DROP INDEX claims_confidence;
