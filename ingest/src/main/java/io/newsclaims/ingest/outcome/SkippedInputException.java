package io.newsclaims.ingest.outcome;

/** An input that cannot become an article, with the reason a user sees in the run summary. */
public class SkippedInputException extends Exception {
    private final SkipReason reason;
    private final String input;
    private final boolean serverFault;

    public SkippedInputException(SkipReason reason, String input, String message) {
        this(reason, input, message, null);
    }

    public SkippedInputException(SkipReason reason, String input, String message, Throwable cause) {
        this(reason, input, message, cause, reason == SkipReason.UNREACHABLE);
    }

    /** @param serverFault the host itself is failing (unreachable, 5xx, 429), not just this page */
    public SkippedInputException(SkipReason reason, String input, String message, Throwable cause, boolean serverFault) {
        super(input + ": " + reason.id() + ": " + message, cause);
        this.reason = reason;
        this.input = input;
        this.serverFault = serverFault;
    }

    /** Whether the host itself is failing (unreachable, 5xx, 429), not just this page: a reason to back off. */
    public boolean serverFault() {
        return serverFault;
    }

    public SkipReason reason() {
        return reason;
    }

    public String input() {
        return input;
    }
}
