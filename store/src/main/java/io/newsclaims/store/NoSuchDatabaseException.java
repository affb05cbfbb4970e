package io.newsclaims.store;

/** A command that only reads was pointed at a database that does not exist or holds no newsclaims tables. */
public class NoSuchDatabaseException extends RuntimeException {
    public NoSuchDatabaseException(String message) {
        super(message);
    }
}
