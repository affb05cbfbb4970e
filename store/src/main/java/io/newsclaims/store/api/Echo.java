package io.newsclaims.store.api;

/** Client input quoted in error messages, cut short: an error body never grows with the request. */
final class Echo {
    /** Characters of client input an error message repeats at most. */
    static final int MAX_CHARS = 80;

    private Echo() {
    }

    /** The text itself when short, else its start and its length ("aaaa... (300000 characters)"). */
    static String of(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "... (" + text.length() + " characters)";
    }
}
