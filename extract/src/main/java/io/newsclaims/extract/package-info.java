/**
 * Stage 2 of the pipeline: reads an article's text and finds the cloud providers it names, the
 * percentages and money amounts it states, and assembles each figure into a sourced
 * {@link io.newsclaims.records.Claim} (subject provider, metric, period, attribution, offsets).
 * Text in, claims out: {@link io.newsclaims.extract.ClaimExtractor} does no I/O; the Kafka worker
 * lives in {@link io.newsclaims.extract.worker}.
 */
package io.newsclaims.extract;
