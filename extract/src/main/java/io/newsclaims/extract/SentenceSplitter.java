package io.newsclaims.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits a paragraph into sentences with OpenNLP's English sentence model (UD EWT, from Maven
 * Central), then mends the model's known false splits: a piece that does not end in sentence
 * punctuation (the model breaks after the decimal point's token in "$1.5 trillion" and
 * "HK$17.5 billion"), and after scale abbreviations ("RMB 26.5bn.") and company suffixes ("Inc.")
 * when the next part starts in lower case.
 * The model is loaded once; each thread gets its own detector (the ME detector is not thread-safe).
 */
final class SentenceSplitter {
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final Set<String> NO_BREAK_AFTER = Set.of("bn.", "mn.", "Inc.", "Corp.", "Co.", "Ltd.", "U.S.",
            "U.K.", "vs.", "approx.", "No.", "St.", "Mr.", "Ms.", "Dr.", "e.g.", "i.e.", "etc.");

    /** Abbreviations of "number" that a numeral follows: "the No. 2 provider". */
    private static final Set<String> NUMBER_SIGNS = Set.of("No.", "no.", "Nos.", "Nr.");

    private final ThreadLocal<SentenceDetectorME> detector;

    SentenceSplitter() {
        SentenceModel model = loadModel();
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    private static SentenceModel loadModel() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + MODEL_RESOURCE
                        + " is missing: add org.apache.opennlp:opennlp-models-sentdetect-en to the classpath");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP sentence model", e);
        }
    }

    /** Sentence spans of {@code text[from, to)}, as absolute offsets. */
    List<int[]> split(String text, int from, int to) {
        Span[] spans = detector.get().sentPosDetect(text.substring(from, to));
        List<int[]> out = new ArrayList<>();
        for (Span s : spans) {
            int start = from + s.getStart();
            int end = from + s.getEnd();
            if (!out.isEmpty() && shouldJoin(text, out.get(out.size() - 1), start)) {
                out.get(out.size() - 1)[1] = end;
            } else {
                out.add(new int[] {start, end});
            }
        }
        if (out.isEmpty() && to > from) {
            out.add(new int[] {from, to});
        }
        return splitRunOns(text, out);
    }

    /**
     * Scraped text sometimes loses the space after a full stop ("a market research provider.Alibaba
     * Group ranked", "it ranked sixth.IDC said", "in 2019.Alibaba Cloud") or glues a footnote number
     * to it ("five contracts.45 Microsoft"): the model keeps such sentences together. A stop after a
     * lower-case letter or a year, before a capital and a letter, ends a sentence all the same, and
     * so does a footnote number after a stop ("U.S.", "e.g.", "Amazon.com" and "$1.5" are not such stops).
     */
    private static List<int[]> splitRunOns(String text, List<int[]> sentences) {
        List<int[]> out = new ArrayList<>(sentences.size());
        for (int[] s : sentences) {
            int start = s[0];
            for (int i = s[0] + 1; i + 2 < s[1]; i++) {
                if (text.charAt(i) != '.') {
                    continue;
                }
                boolean afterWord = Character.isLowerCase(text.charAt(i - 1));
                int next = afterWord ? afterFootnote(text, i + 1, s[1]) : i + 1;
                if ((afterWord || endsWithYear(text, i)) && next + 1 < s[1]
                        && Character.isUpperCase(text.charAt(next)) && Character.isLetter(text.charAt(next + 1))) {
                    out.add(new int[] {start, next > i + 1 ? next - 1 : next}); // a footnote number stays with its sentence
                    start = next;
                    i = next;
                }
            }
            out.add(new int[] {start, s[1]});
        }
        return out;
    }

    /** Whether the four characters before {@code dot} are a year: digits, and no digit or stop before them. */
    private static boolean endsWithYear(String text, int dot) {
        if (dot < 4) {
            return false;
        }
        for (int k = dot - 4; k < dot; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return dot == 4 || !Character.isDigit(text.charAt(dot - 5)) && text.charAt(dot - 5) != '.';
    }

    /** After a stop at {@code from - 1}: the start of the next word when one to three digits and a space follow, else {@code from}. */
    private static int afterFootnote(String text, int from, int to) {
        int k = from;
        while (k < to && k - from < 4 && Character.isDigit(text.charAt(k))) {
            k++;
        }
        if (k == from || k - from > 3 || k >= to || text.charAt(k) != ' ') {
            return from;
        }
        return k + 1;
    }

    private static boolean shouldJoin(String text, int[] previous, int nextStart) {
        if (!endsLikeASentence(text, previous)) {
            return true;
        }
        char first = text.charAt(nextStart);
        int wordStart = previous[1];
        while (wordStart > previous[0] && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String lastWord = text.substring(wordStart, previous[1]);
        if (Character.isDigit(first)) {
            return NUMBER_SIGNS.contains(lastWord); // "the No. 2 position"
        }
        if (!Character.isLowerCase(first)) {
            return false;
        }
        return NO_BREAK_AFTER.contains(lastWord) || endsWithScaledNumber(lastWord);
    }

    /**
     * Whether a piece ends in sentence punctuation, possibly followed by closing quotes or
     * brackets. The model only breaks at such characters, so a piece ending in a letter or digit
     * was cut inside a token ("$1.5 | trillion").
     */
    private static boolean endsLikeASentence(String text, int[] piece) {
        for (int i = piece[1] - 1; i >= piece[0]; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\u2026' || c == ':' || c == ';') {
                return true;
            }
            if (c != '"' && c != '\'' && c != ')' && c != ']' && c != '\u201D' && c != '\u2019' && c != '\u00BB') {
                return false;
            }
        }
        return false;
    }

    /** "26.5bn.", "$3m.": a number with a scale abbreviation and a full stop. */
    private static boolean endsWithScaledNumber(String word) {
        for (String scale : new String[] {"bn.", "mn.", "m.", "b.", "k."}) {
            int digit = word.length() - scale.length() - 1;
            if (word.endsWith(scale) && digit >= 0 && Character.isDigit(word.charAt(digit))) {
                return true;
            }
        }
        return false;
    }
}
