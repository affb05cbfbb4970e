package io.newsclaims.records.kafka;

/** The Kafka cluster could not be reached or refused an operation; check the bootstrap servers. */
public class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
