package io.newsclaims.app;

/**
 * The exit codes of every command, defined once; the README's troubleshooting section lists them.
 * Scripts can tell a bad command line (fix the call) from a failure (fix the environment) from
 * failed inputs (the command ran; some or all of its inputs could not be read).
 */
final class ExitCodes {
    /** Done; for {@code crawl} and {@code run} also when nothing was new. */
    static final int OK = 0;
    /** An error stopped the command: Kafka or the database unreachable, no database to read, a worker died. */
    static final int FAILED = 1;
    /** Invalid command line: unknown option, bad value, missing argument (picocli's usage code). */
    static final int USAGE = 2;
    /**
     * Inputs failed: {@code crawl} and {@code run} when every input failed, {@code extract} and
     * {@code article} when any input failed (the others are printed), {@code evaluate} when a gold
     * document has no article.
     */
    static final int INPUTS_FAILED = 3;

    private ExitCodes() {
    }
}
