/**
 * Stage 3 of the pipeline: consumes claims and articles and writes them to PostgreSQL or an
 * embedded SQLite file, idempotently (upsert on id), committing Kafka offsets only after the
 * database commit.
 */
package io.newsclaims.store;
