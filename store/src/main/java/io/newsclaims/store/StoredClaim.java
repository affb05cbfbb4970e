package io.newsclaims.store;

import io.newsclaims.records.Claim;

/**
 * A claim to store, with the JSON it arrived as: the JSON is kept whole, so fields added by a
 * newer producer survive in the database even when this version does not know them.
 */
public record StoredClaim(Claim claim, String json) {
}
