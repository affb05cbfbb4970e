package io.newsclaims.extract.layout;

import io.newsclaims.records.Article;
import java.util.ArrayList;
import java.util.List;

/** An article's paragraphs and its lead, as offsets into its text. */
public final class Paragraphs {
    private Paragraphs() {
    }

    /** The non-blank lines of the text, as {start, end} offsets: its paragraphs. */
    public static List<int[]> of(String text) {
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int lineEnd = text.indexOf('\n', pos);
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
