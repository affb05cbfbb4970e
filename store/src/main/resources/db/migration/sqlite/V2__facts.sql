-- Corroboration: claims that state the same fact (same provider, metric, period and value within
-- rounding, or a currency conversion of one amount) are grouped into one fact with its sources.
CREATE TABLE facts (
    id              VARCHAR(64) PRIMARY KEY,
    subject_key     VARCHAR(300) NOT NULL,
    provider_id     VARCHAR(100),
    metric          VARCHAR(40) NOT NULL,
    period          VARCHAR(20),
    kind            VARCHAR(20) NOT NULL,
    currency        CHAR(3),
    value_low       NUMERIC NOT NULL,
    value_high      NUMERIC,
    value_text      TEXT NOT NULL,
    qualifier       VARCHAR(40),
    first_claim_id  VARCHAR(64) NOT NULL,
    sources         INTEGER NOT NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX facts_subject ON facts (subject_key);
CREATE INDEX facts_provider ON facts (provider_id, metric, period);

-- each claim belongs to exactly one fact
CREATE TABLE fact_claims (
    claim_id        VARCHAR(64) PRIMARY KEY,
    fact_id         VARCHAR(64) NOT NULL
);
CREATE INDEX fact_claims_fact ON fact_claims (fact_id);
