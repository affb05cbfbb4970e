package io.newsclaims.extract.layout;

import io.newsclaims.records.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An article's paragraphs and its lead, as offsets into its text. */
public final class Paragraphs {
    private Paragraphs() {
    }

    /**
     * A hard-wrapped line that ends in a number whose scale or unit starts the next line
     * ("... to more than EUR22" / "Billion"): one paragraph, since no paragraph starts with a scale.
     */
    private static final Pattern WRAPPED_SCALE = Pattern.compile(
            "(?<=\\d)[ \\t]*\\r?\\n[ \\t]*(?i:thousand|million|billion|trillion|bn|mn|percent|per cent)\\b");

    /** The non-blank lines of the text, as {start, end} offsets: its paragraphs. */
    public static List<int[]> of(String text) {
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int lineEnd = text.indexOf('\n', pos);
            while (lineEnd >= 0 && (wrappedScaleAt(text, lineEnd) || wrappedSentenceAt(text, pos, lineEnd))) {
                lineEnd = text.indexOf('\n', lineEnd + 1);
            }
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (!text.substring(pos, lineEnd).isBlank()) {
                out.add(new int[] {pos, lineEnd});
            }
            pos = lineEnd + 1;
        }
        return out;
    }

    /** Words that never end a paragraph: a line ending in one was wrapped ("growth rate of" / "63.7% in 2021"). */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("of", "to", "the", "a", "an", "and",
            "in", "with", "by", "for", "from", "at", "on", "or", "than", "its", "their", "was", "were", "is", "are");

    /**
     * A hard-wrapped sentence: the line ends in no sentence or cell punctuation and the next line
     * goes on in lower case ("... in the first" / "quarter, compared with"), or the line ends in a
     * word that cannot end a paragraph.
     */
    private static boolean wrappedSentenceAt(String text, int lineStart, int newline) {
        int end = newline;
        while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int next = newline + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (end == lineStart || next >= text.length() || Character.isWhitespace(text.charAt(next))) {
            return false; // a blank line between them, or nothing after
        }
        char last = text.charAt(end - 1);
        if (".!?:;|\"\u201D)]".indexOf(last) >= 0) {
            return false;
        }
        if (Character.isLowerCase(text.charAt(next))) {
            return true;
        }
        int wordStart = end;
        while (wordStart > lineStart && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        return wordStart < end && (wordStart == lineStart || text.charAt(wordStart - 1) == ' ')
                && FUNCTION_WORDS.contains(text.substring(wordStart, end)) && end - lineStart > 20;
    }

    private static boolean wrappedScaleAt(String text, int newline) {
        int from = newline;
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t' || text.charAt(from - 1) == '\r')) {
            from--;
        }
        var m = WRAPPED_SCALE.matcher(text);
        m.region(from, Math.min(text.length(), newline + 40));
        m.useTransparentBounds(true);
        return m.lookingAt();
    }

    /**
     * The headline and the first paragraphs, whole, at most {@code maxParagraphs} of them and until
     * {@code maxCharacters} of text after the headline are read: where an article says what it is about.
     */
    public static String lead(Article article, List<int[]> paragraphs, int maxParagraphs, int maxCharacters) {
        StringBuilder lead = new StringBuilder(article.title() == null ? "" : article.title());
        int headline = article.title() == null ? 1 : 0; // a text without a title starts with its headline
        int read = 0;
        for (int i = 0; i < Math.min(maxParagraphs + headline, paragraphs.size()) && read < maxCharacters; i++) {
            lead.append('\n').append(article.text(), paragraphs.get(i)[0], paragraphs.get(i)[1]);
            if (i >= headline) {
                read += paragraphs.get(i)[1] - paragraphs.get(i)[0];
            }
        }
        return lead.toString();
    }
}
