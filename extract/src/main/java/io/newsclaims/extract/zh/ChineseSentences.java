package io.newsclaims.extract.zh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph of Chinese text into sentences: after 。！？；(and their ASCII forms !?;), and
 * after a full stop "." that ends a Latin sentence (followed by a space or a Han character, not
 * by a digit: "1.2万亿元" and "35.8%" stay whole), and at a bullet " - " of a list run into one line. Closing quotes and brackets after the
 * punctuation stay with the sentence; a paragraph is one line, so line ends split too.
 */
public final class ChineseSentences {
    private ChineseSentences() {
    }

    /** Sentence spans of {@code text[from, to)}, as absolute offsets, without surrounding blanks. */
    public static List<int[]> split(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean stop = c == '\u3002' || c == '\uFF01' || c == '\uFF1F' || c == '\uFF1B' || c == '!' || c == '?'
                    || c == ';' || c == '\n' || c == '.' && endsLatinSentence(text, i, to) || isBullet(text, i, to);
            if (stop) {
                int end = i + 1;
                while (end < to && isClosing(text.charAt(end))) {
                    end++;
                }
                add(out, text, start, end);
                start = end;
                i = end - 1;
            }
        }
        add(out, text, start, to);
        return out;
    }

    /** A "." followed by a space or a Han character, or ending the paragraph: never a decimal point. */
    private static boolean endsLatinSentence(String text, int i, int to) {
        if (i + 1 >= to) {
            return true;
        }
        char next = text.charAt(i + 1);
        return Character.isWhitespace(next) || ChineseScript.isHan(next);
    }

    /** " - " before a non-digit: a bullet of a list run into one line ("...降低50% - 腾讯云推出..."), not a range. */
    private static boolean isBullet(String text, int i, int to) {
        return text.charAt(i) == '-' && i > 0 && text.charAt(i - 1) == ' ' && i + 2 < to && text.charAt(i + 1) == ' '
                && !Character.isDigit(text.charAt(i + 2));
    }

    private static boolean isClosing(char c) {
        return c == '\u201D' || c == '\u2019' || c == '\u300D' || c == '\u300F' || c == '\uFF09' || c == ')' || c == '"'
                || c == '\u3011';
    }

    private static void add(List<int[]> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }
}
