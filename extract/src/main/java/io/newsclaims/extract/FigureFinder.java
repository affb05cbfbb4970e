package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import java.util.List;

/**
 * Finds and normalizes the percentages and money amounts of a text, without claims around them:
 * the figure parser on its own, for conformance suites and callers that only need values.
 * Thread-safe.
 */
public final class FigureFinder {
    private final FigureParser parser = new FigureParser(Currencies.loadDefault());

    /** Figures of {@code text} in order, offsets into {@code text}. */
    public List<FigureValue> find(String text) {
        return parser.parse(text, Tokenizer.tokenize(text, 0, text.length()), CurrencyContext.of(text));
    }
}
