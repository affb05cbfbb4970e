package io.newsclaims.ingest;

/** An input that cannot become an article, with the reason a user sees in the run summary. */
public class SkippedInputException extends Exception {
    private final SkipReason reason;
    private final String input;

    public SkippedInputException(SkipReason reason, String input, String message) {
        this(reason, input, message, null);
    }

    public SkippedInputException(SkipReason reason, String input, String message, Throwable cause) {
        super(input + ": " + reason.id() + ": " + message, cause);
        this.reason = reason;
        this.input = input;
    }

    public SkipReason reason() {
        return reason;
    }

    public String input() {
        return input;
    }
}
