package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.util.List;

/**
 * One amount stated again in another form right after itself: "51.8 billion yuan (US$7.3 billion)",
 * "$5 billion, or 4.6 billion euros". A restatement is the same figure, so it takes its amount's
 * subject and does not count as a figure of its own in a list.
 */
final class Restatement {
    private Restatement() {
    }

    /** FIG restates PREVIOUS: money in brackets right after money (at most one word inside first), or ", " / "or" between. */
    static boolean of(String text, FigureValue previous, FigureValue fig, List<Token> tokens) {
        if (previous.kind() != FigureKind.MONEY || fig.kind() != FigureKind.MONEY) {
            return false;
        }
        if (inBrackets(previous, fig, tokens)) {
            return true;
        }
        String between = text.substring(previous.end(), fig.start()).strip();
        return between.equals(",") || between.equals("or");
    }

    /** "(US$7.3 billion)", "(about US$7.3 billion)": the strict form, which a list of amounts never takes. */
    static boolean inBrackets(FigureValue previous, FigureValue fig, List<Token> tokens) {
        if (previous.kind() != FigureKind.MONEY || fig.kind() != FigureKind.MONEY) {
            return false;
        }
        int k = Tokens.indexAt(tokens, previous.end());
        return k >= 0 && k < tokens.size() && (tokens.get(k).is("(") || tokens.get(k).is("["))
                && tokens.get(k).start() < fig.start() && Tokens.indexAt(tokens, fig.start()) - k <= 2;
    }
}
