-- A claim's record is kept as JSON text (type json, checked to be JSON as it is stored), not JSONB: no
-- query reads into it (readers use the claim's columns), and every claim stored paid for building its
-- JSONB tree, about 3 µs of the backend's CPU a claim when claims are copied in, and some 40 bytes a
-- row more than the text. The -> and ->> operators work on json as they did on jsonb; containment (@>)
-- would need a cast (record::jsonb). Records stored before keep their content, as JSONB printed them.
-- The table is rewritten once.
ALTER TABLE claims ALTER COLUMN record TYPE JSON USING record::json;
