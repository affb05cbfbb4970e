package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkippedInputException;

/** Where skipped inputs are recorded (the dead-letter topic), so that nothing vanishes silently. */
public interface SkipSink {
    void skipped(SkippedInputException skip);

    SkipSink NONE = skip -> { };
}
