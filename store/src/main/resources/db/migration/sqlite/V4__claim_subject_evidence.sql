-- Claim schema v2: how the subject was decided and the calibrated confidence that it is right.
-- Claims of schema v1 keep NULL in both. (Mirrors the PostgreSQL flavour.)
ALTER TABLE claims ADD COLUMN subject_evidence VARCHAR(40);
ALTER TABLE claims ADD COLUMN confidence REAL;
CREATE INDEX claims_confidence ON claims (confidence);
