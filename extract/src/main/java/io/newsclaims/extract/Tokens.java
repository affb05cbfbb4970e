package io.newsclaims.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small helpers over the tokens and text of a sentence, shared by the subject rules. */
final class Tokens {
    /** Words that open a new clause: what a subject was named before them no longer holds after them. */
    static final Set<String> CLAUSE_BREAKS = Set.of(";", "while", "whereas", "but", "although", "though");

    private Tokens() {
    }

    /** Index of the first token starting at or after {@code offset}; {@code tokens.size()} when none. */
    static int indexAt(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int tokensBetween(List<Token> tokens, int from, int to) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() >= from && t.start() < to) {
                n++;
            }
        }
        return n;
    }

    /** Where a sentence's tokens end, at least {@code offset} (a figure's end): the sentence's last word. */
    static int sentenceEnd(List<Token> tokens, int offset) {
        return tokens.isEmpty() ? offset : Math.max(offset, tokens.get(tokens.size() - 1).end());
    }

    static String lower(String text, int from, int to) {
        return text.substring(Math.max(0, from), Math.max(Math.max(0, from), to)).toLowerCase(Locale.ROOT);
    }

    /** True when a cue starts a word of the text ("grow" matches "growth", not "overgrown"). */
    static boolean containsAny(String text, List<String> cues) {
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a cue of the list is in the text as a word or its plural ("revenue", "revenues"), not as
     * the start of a longer word ("sales" in "Salesforce").
     */
    static boolean containsAnyWord(String text, List<String> cues) {
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                int end = at + cue.length();
                if (end < text.length() && text.charAt(end) == 's') {
                    end++;
                }
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Offset of the last cue of the list in the text (at a word start), or -1. */
    static int lastIndexOfAny(String text, List<String> cues) {
        int last = -1;
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) && at > last) {
                    last = at;
                }
            }
        }
        return last;
    }
}
