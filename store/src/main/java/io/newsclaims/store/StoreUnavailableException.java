package io.newsclaims.store;

/** The database cannot be reached or refused a write for a reason that may pass: retry later. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
