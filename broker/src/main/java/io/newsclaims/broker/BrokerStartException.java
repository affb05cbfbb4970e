package io.newsclaims.broker;

/** The embedded broker could not start: the message names the data directory and the cause. */
public class BrokerStartException extends RuntimeException {
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
