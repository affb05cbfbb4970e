package io.newsclaims.records;

import java.time.Instant;

/**
 * A record a stage could not process, published to the dead-letter topic so nothing vanishes.
 *
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
public record DeadLetter(String stage, String sourceTopic, int partition, long offset, String key,
                         String payload, String errorType, String errorMessage, Instant at) {

    /** Payloads longer than this are cut, so one huge poison record cannot exceed the broker's message size. */
    public static final int MAX_PAYLOAD_CHARS = 200_000;

    public DeadLetter {
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
    }
}
