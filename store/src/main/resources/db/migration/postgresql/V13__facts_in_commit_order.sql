-- Facts are numbered in the order their transactions commit (seq), so that a store worker can keep the
-- stored facts of the subjects it links between batches and read, at the start of each batch, only the
-- facts added since the greatest number it saw (FactLinker.FactCache), as the SQLite flavour does with
-- its rowid: reading a batch's candidate facts by value windows every time was about a quarter of the
-- database's time and half of the writing thread's. The numbers follow the commit order because a batch
-- takes a transaction-level advisory lock before it inserts facts, as its last statement, and keeps it
-- until it commits: a number taken later belongs to a transaction that commits later. Facts inserted
-- by hand outside that lock may be missed by a running worker until it restarts.
CREATE SEQUENCE facts_seq_seq AS BIGINT;
ALTER TABLE facts ADD COLUMN seq BIGINT;
UPDATE facts f SET seq = o.n FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM facts) o WHERE o.id = f.id;
SELECT setval('facts_seq_seq', COALESCE((SELECT max(seq) FROM facts), 0) + 1, false);
ALTER TABLE facts ALTER COLUMN seq SET DEFAULT nextval('facts_seq_seq');
ALTER TABLE facts ALTER COLUMN seq SET NOT NULL;
ALTER SEQUENCE facts_seq_seq OWNED BY facts.seq;
CREATE UNIQUE INDEX facts_seq ON facts (seq);

-- Facts changed or removed (by hand: the store only adds facts) bump a counter that the workers read
-- with the greatest seq at the start of each batch: a worker that sees it change reads its facts again.
CREATE TABLE facts_removals (
    removals BIGINT NOT NULL
);
INSERT INTO facts_removals VALUES (0);
CREATE FUNCTION facts_count_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE facts_removals SET removals = removals + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER facts_removed AFTER UPDATE OR DELETE OR TRUNCATE ON facts
    FOR EACH STATEMENT EXECUTE FUNCTION facts_count_removal();
