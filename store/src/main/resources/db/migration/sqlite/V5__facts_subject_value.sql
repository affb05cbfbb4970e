-- The store links a batch's claims to the facts whose value could match theirs: by subject and a
-- window of values, not every fact of the subject. (Mirrors the PostgreSQL flavour.)
CREATE INDEX facts_subject_value ON facts (subject_key, value_low);
DROP INDEX facts_subject;
