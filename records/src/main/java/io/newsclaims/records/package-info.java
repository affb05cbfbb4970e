/**
 * The data every stage shares: {@link io.newsclaims.records.Article} and {@link io.newsclaims.records.Claim}
 * records, their JSON mapping ({@link io.newsclaims.records.Json}) and topic names
 * ({@link io.newsclaims.records.Topics}). Stages depend on this module only, never on each other.
 */
package io.newsclaims.records;
