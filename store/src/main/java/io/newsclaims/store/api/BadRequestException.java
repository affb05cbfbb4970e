package io.newsclaims.store.api;

/** A request parameter is invalid; the message says which and what is allowed (HTTP 400). */
final class BadRequestException extends Exception {
    BadRequestException(String message) {
        super(message);
    }
}
