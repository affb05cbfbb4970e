package io.newsclaims.records.client;

import io.newsclaims.records.DeadLetter;

/** Deserializer of the dead-letter topic's values (usable by class name in {@code value.deserializer}). */
public final class DeadLetterDeserializer extends RecordDeserializer<DeadLetter> {
    public DeadLetterDeserializer() {
        super(DeadLetter.class);
    }
}
