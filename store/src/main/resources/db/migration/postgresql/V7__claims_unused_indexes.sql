-- Two indexes no query uses, each written for every claim stored: claims_stored_at (the only
-- reading of stored_at, query --since, compares COALESCE(a.published_at, c.stored_at), which an
-- index on stored_at cannot serve) and claims_confidence (--min-confidence keeps most claims, and
-- is always combined with the order by publication date, so a scan of the index would not pay).
DROP INDEX claims_stored_at;
DROP INDEX claims_confidence;
