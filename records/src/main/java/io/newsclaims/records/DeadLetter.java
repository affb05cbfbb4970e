package io.newsclaims.records;

import java.time.Instant;

/**
 * A record a stage could not process, published to the dead-letter topic so nothing vanishes.
 *
 * @param schemaVersion version of this JSON shape (dead letters written before the field existed read as 1)
 * @param stage         which stage gave up ("ingest", "extract", "store")
 * @param sourceTopic   topic of the original record, or null when it came from outside Kafka (a URL)
 * @param partition     partition of the original record, or -1
 * @param offset        offset of the original record, or -1
 * @param key           key of the original record (an article id, a URL)
 * @param payload       the original record's value as text (may be cut to {@link #MAX_PAYLOAD_CHARS})
 * @param errorType     exception class or reason code
 * @param errorMessage  what went wrong
 * @param at            when
 */
public record DeadLetter(int schemaVersion, String stage, String sourceTopic, int partition, long offset, String key,
                         String payload, String errorType, String errorMessage, Instant at) {

    /** Version 1; dead letters without the field (written before it existed) are version 1 too. */
    public static final int SCHEMA_VERSION = 1;

    /** Payloads longer than this are cut, so one huge poison record cannot exceed the broker's message size. */
    public static final int MAX_PAYLOAD_CHARS = 200_000;

    /** A dead letter of the current schema version. */
    public DeadLetter(String stage, String sourceTopic, int partition, long offset, String key, String payload,
                      String errorType, String errorMessage, Instant at) {
        this(SCHEMA_VERSION, stage, sourceTopic, partition, offset, key, payload, errorType, errorMessage, at);
    }

    public DeadLetter {
        if (schemaVersion == 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
    }
}
