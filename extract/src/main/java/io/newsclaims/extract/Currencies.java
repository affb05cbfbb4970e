package io.newsclaims.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Written currency forms and their ISO 4217 codes, loaded from {@code currencies.tsv}. */
final class Currencies {

    /**
     * A currency form matched in text: its code (possibly "CNY|JPY"), the tokens it spans, and what
     * one unit is worth in that currency (0.01 for "cents").
     */
    record Match(String iso, int firstToken, int lastToken, BigDecimal factor) {
    }

    private record Form(String[] tokens, boolean ignoreCase, String iso, boolean prefix, boolean suffix, BigDecimal factor) {
        boolean isSymbol() {
            return tokens.length == 1 && !Character.isLetter(tokens[0].charAt(0));
        }
    }

    /** Forms by their first token and by their last token, in lower case, longest first. */
    private final Map<String, List<Form>> byFirst = new HashMap<>();
    private final Map<String, List<Form>> byLast = new HashMap<>();

    private Currencies(List<Form> forms) {
        for (Form f : forms) {
            byFirst.computeIfAbsent(f.tokens()[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            byLast.computeIfAbsent(f.tokens()[f.tokens().length - 1].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
        }
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
                if (c.length != 3 && c.length != 4) {
                    throw new IllegalArgumentException("currencies.tsv: expected form, iso, position[, factor]: " + line);
                }
                String[] tokens = Tokenizer.tokenize(c[0], 0, c[0].length()).stream().map(Token::text).toArray(String[]::new);
                // lower-case forms, multi-word names ("Australian dollars") and two-letter-plus symbol
                // prefixes ("US$", "HKD$") match in any case; codes ("USD") and "C$", "A$" only as written
                boolean lower = c[0].equals(c[0].toLowerCase(Locale.ROOT));
                boolean multiWord = tokens.length > 1 && Character.isLetter(tokens[tokens.length - 1].charAt(0));
                boolean letterSymbol = tokens.length > 1 && !Character.isLetter(tokens[tokens.length - 1].charAt(0))
                        && tokens[0].length() >= 2;
                BigDecimal factor = c.length == 4 ? new BigDecimal(c[3].strip()) : BigDecimal.ONE;
                forms.add(new Form(tokens, lower || multiWord || letterSymbol, c[1], !c[2].equals("suffix"),
                        !c[2].equals("prefix"), factor));
            }
            forms.sort(Comparator.comparingInt((Form f) -> -f.tokens().length));
            return new Currencies(List.copyOf(forms));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read currencies.tsv", e);
        }
    }

    /** A prefix form ending at token {@code end} (inclusive), or null. */
    Match prefixEndingAt(List<Token> tokens, int end) {
        if (end < 0) {
            return null;
        }
        for (Form f : byLast.getOrDefault(tokens.get(end).lower(), List.of())) {
            int first = end - f.tokens().length + 1;
            if (f.prefix() && first >= 0 && matches(tokens, first, f)) {
                return new Match(f.iso(), first, end, f.factor());
            }
        }
        return circaCode(tokens.get(end), end);
    }

    /** "cRMB6bn", "cUSD7-20/share": an analyst's "c" (circa) glued to an upper-case currency code. */
    private Match circaCode(Token token, int at) {
        String t = token.text();
        if (t.length() != 4 || t.charAt(0) != 'c' || !t.substring(1).chars().allMatch(Character::isUpperCase)) {
            return null;
        }
        for (Form f : byLast.getOrDefault(t.substring(1).toLowerCase(Locale.ROOT), List.of())) {
            if (f.prefix() && f.tokens().length == 1 && (f.ignoreCase() || f.tokens()[0].equals(t.substring(1)))) {
                return new Match(f.iso(), at, at, f.factor());
            }
        }
        return null;
    }

    /** A suffix form starting at token {@code start}, or null. */
    Match suffixStartingAt(List<Token> tokens, int start) {
        Form f = suffixForm(tokens, start, form -> !(form.isSymbol() && numberFollows(tokens, start + form.tokens().length - 1)));
        return f == null ? null : new Match(f.iso(), start, start + f.tokens().length - 1, f.factor());
    }

    /** The longest suffix form at {@code start} that {@code accept} takes, or null. */
    private Form suffixForm(List<Token> tokens, int start, java.util.function.Predicate<Form> accept) {
        if (start >= tokens.size()) {
            return null;
        }
        for (Form f : byFirst.getOrDefault(tokens.get(start).lower(), List.of())) {
            if (f.suffix() && start + f.tokens().length <= tokens.size() && matches(tokens, start, f) && accept.test(f)) {
                return f;
            }
        }
        return null;
    }

    private static boolean matches(List<Token> tokens, int from, Form f) {
        for (int k = 0; k < f.tokens().length; k++) {
            Token token = tokens.get(from + k);
            String t = token.text();
            if (f.ignoreCase() ? !t.equalsIgnoreCase(f.tokens()[k]) : !t.equals(f.tokens()[k])) {
                return false;
            }
            // "A$4bn" is Australian, "A $4bn contract" is the article and dollars: spaced, "A" is the word
            if (k > 0 && token.spaceBefore() && !token.isWord() && tokens.get(from + k - 1).is("A")) {
                return false;
            }
        }
        int after = from + f.tokens().length;
        // a word form must end at a word boundary: "euros" is not "euro" + "s", "Rs" is not "R" + "s"
        return after >= tokens.size() || tokens.get(after).spaceBefore() || !tokens.get(after).isWord()
                || !tokens.get(after - 1).isWord();
    }

    /**
     * "10 $ 5": a symbol followed by a number is that number's prefix, not the previous one's suffix,
     * unless that number has a symbol or a minor unit of its own after it ("10 $ 30 $", "10 $ 30
     * cent"). A currency word after it repeats the prefix: "$ 10 dollars" is one amount.
     */
    private boolean numberFollows(List<Token> tokens, int last) {
        int n = last + 1;
        return n < tokens.size() && tokens.get(n).isNumber() && !isSymbolOrMinorSuffix(tokens, n + 1);
    }

    /** Whether a suffix symbol or minor unit starts at {@code start}, whatever follows it (no look-ahead: linear). */
    private boolean isSymbolOrMinorSuffix(List<Token> tokens, int start) {
        return suffixForm(tokens, start, f -> f.isSymbol() || f.factor().compareTo(BigDecimal.ONE) < 0) != null;
    }
}
