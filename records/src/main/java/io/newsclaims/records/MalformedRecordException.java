package io.newsclaims.records;

/** A record that can never be processed as it is (bad JSON, missing fields): dead-letter it, do not retry. */
public class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
