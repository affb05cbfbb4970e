package io.newsclaims.records.client;

import io.newsclaims.records.Claim;

/** Deserializer of the claims topic's values (usable by class name in {@code value.deserializer}). */
public final class ClaimDeserializer extends RecordDeserializer<Claim> {
    public ClaimDeserializer() {
        super(Claim.class);
    }
}
