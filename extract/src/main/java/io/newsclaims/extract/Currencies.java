package io.newsclaims.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Written currency forms and their ISO 4217 codes, loaded from {@code currencies.tsv}. */
final class Currencies {

    /** A currency form matched in text: its code (possibly "CNY|JPY") and the tokens it spans. */
    record Match(String iso, int firstToken, int lastToken) {
    }

    private record Form(String[] tokens, boolean ignoreCase, String iso, boolean prefix, boolean suffix) {
    }

    private final List<Form> forms;

    private Currencies(List<Form> forms) {
        this.forms = forms;
    }

    static Currencies loadDefault() {
        try (InputStream in = Currencies.class.getResourceAsStream("currencies.tsv")) {
            if (in == null) {
                throw new IllegalStateException("currencies.tsv is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Form> forms = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 3) {
                    throw new IllegalArgumentException("currencies.tsv: expected form, iso, position: " + line);
                }
                String[] tokens = Tokenizer.tokenize(c[0], 0, c[0].length()).stream().map(Token::text).toArray(String[]::new);
                boolean lower = c[0].equals(c[0].toLowerCase(Locale.ROOT));
                forms.add(new Form(tokens, lower, c[1], !c[2].equals("suffix"), !c[2].equals("prefix")));
            }
            forms.sort(Comparator.comparingInt((Form f) -> -f.tokens().length));
            return new Currencies(List.copyOf(forms));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read currencies.tsv", e);
        }
    }

    /** A prefix form ending at token {@code end} (inclusive), or null. */
    Match prefixEndingAt(List<Token> tokens, int end) {
        for (Form f : forms) {
            int first = end - f.tokens().length + 1;
            if (f.prefix() && first >= 0 && matches(tokens, first, f) && compact(tokens, first, end)) {
                return new Match(f.iso(), first, end);
            }
        }
        return null;
    }

    /** A suffix form starting at token {@code start}, or null. */
    Match suffixStartingAt(List<Token> tokens, int start) {
        for (Form f : forms) {
            int last = start + f.tokens().length - 1;
            if (f.suffix() && last < tokens.size() && matches(tokens, start, f)) {
                return new Match(f.iso(), start, last);
            }
        }
        return null;
    }

    private static boolean matches(List<Token> tokens, int from, Form f) {
        for (int k = 0; k < f.tokens().length; k++) {
            String t = tokens.get(from + k).text();
            if (f.ignoreCase() ? !t.equalsIgnoreCase(f.tokens()[k]) : !t.equals(f.tokens()[k])) {
                return false;
            }
        }
        int after = from + f.tokens().length;
        // a word form must end at a word boundary: "euros" is not "euro" + "s", "Rs" is not "R" + "s"
        return after >= tokens.size() || tokens.get(after).spaceBefore() || !tokens.get(after).isWord()
                || !tokens.get(after - 1).isWord();
    }

    /** A symbol form ("US$") is written without spaces inside. */
    private static boolean compact(List<Token> tokens, int first, int last) {
        for (int k = first + 1; k <= last; k++) {
            if (tokens.get(k).spaceBefore() && !tokens.get(k).isWord()) {
                return false;
            }
        }
        return true;
    }
}
