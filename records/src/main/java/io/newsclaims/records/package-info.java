/**
 * The data every stage shares: {@link io.newsclaims.records.Article} and {@link io.newsclaims.records.Claim}
 * records, their JSON mapping ({@link io.newsclaims.records.Json}), their JSON Schemas
 * ({@link io.newsclaims.records.RecordType}) and topic names ({@link io.newsclaims.records.Topics}).
 * Stages depend on this module only, never on each other; consumers of the topics depend on it too
 * (see {@link io.newsclaims.records.client}).
 */
package io.newsclaims.records;
