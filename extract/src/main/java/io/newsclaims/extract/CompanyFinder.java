package io.newsclaims.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds companies that are not cloud providers, so that their figures get no provider and a
 * pronoun after one of them ("Chipmaker Broadcom said its networking revenue rose 11%") does not
 * jump to a provider named earlier. Three signals:
 * <ul>
 *   <li>the names of {@code companies.tsv} (chipmakers, AI labs, research firms...);</li>
 *   <li>capitalized words ending in a corporate suffix ("Acme Robotics Inc.", "Zeta Holdings");</li>
 *   <li>a descriptor before or after capitalized words ("chipmaker Foo", "Foo, the retailer", "shares of Foo").</li>
 * </ul>
 * Names the provider gazetteer knows are not looked at here: the gazetteer's reading wins.
 */
final class CompanyFinder {
    private static final Set<String> SUFFIXES = Set.of("Inc", "Corp", "Corporation", "Ltd", "Limited", "LLC", "Plc", "PLC",
            "AG", "SA", "SE", "NV", "Co", "Holdings", "Technologies", "Semiconductor", "Semiconductors", "Systems",
            "Networks", "Electronics", "Motors", "Pharmaceuticals", "Therapeutics", "Airlines", "Bancorp", "Bank");
    /** Lower-case words that say the capitalized name after (or before, behind "the"/"a") is a company. */
    static final Set<String> DESCRIPTORS = Set.of("chipmaker", "chipmakers", "automaker", "carmaker", "retailer",
            "startup", "start-up", "lender", "insurer", "brokerage", "bank", "designer", "maker", "manufacturer",
            "supplier", "customer", "client", "airline", "conglomerate", "developer", "unicorn", "carrier");
    /** Capitalized words that start sentences or name no company. */
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "For", "Its", "It", "This",
            "That", "These", "Those", "But", "And", "Or", "As", "With", "By", "From", "Of", "To", "Chinese", "American",
            "US", "U", "S", "China", "Japanese", "European", "AI", "GPU", "CEO", "CFO", "Cloud", "Q1", "Q2", "Q3", "Q4");

    private final Map<String, List<Name>> byFirstToken;

    /** A listed name, as tokens, and its kind. */
    private record Name(String[] tokens, Referent.Kind kind) {
    }

    private CompanyFinder(Map<String, List<Name>> byFirstToken) {
        this.byFirstToken = byFirstToken;
    }

    /** The finder with the list shipped with newsclaims. */
    static CompanyFinder loadDefault() {
        Map<String, List<Name>> index = new HashMap<>();
        try (BufferedReader r = DataFile.open("companies.tsv")) {
            for (DataFile.Row row : DataFile.rows(r)) {
                String name = row.columns()[0].strip();
                String[] tokens = Tokenizer.tokenize(name, 0, name.length()).stream().map(Token::text).toArray(String[]::new);
                Referent.Kind kind = row.columns().length > 1 ? Referent.Kind.of(row.columns()[1], row.number())
                        : Referent.Kind.COMPANY;
                index.computeIfAbsent(tokens[0], k -> new ArrayList<>()).add(new Name(tokens, kind));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read companies.tsv", e);
        }
        index.values().forEach(l -> l.sort(Comparator.comparingInt((Name n) -> -n.tokens().length)));
        return new CompanyFinder(index);
    }

    /**
     * Companies named in the tokens that no gazetteer name covers, as referents without a provider.
     *
     * @param known what the provider gazetteer found in the same tokens
     */
    List<Referent> find(List<Token> tokens, List<Referent> known) {
        List<Referent> out = new ArrayList<>();
        int k = 0; // next known referent
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            while (k < known.size() && known.get(k).end() <= t.start()) {
                k++;
            }
            if (k < known.size() && known.get(k).start() <= t.start()) {
                continue; // inside a gazetteer name
            }
            Name listed = listed(tokens, i);
            // "Nebius Group NV", "Oracle Corp.": the legal name goes on from a provider's name, no other company
            boolean continuesKnown = i > 0 && k > 0 && known.get(k - 1).end() == tokens.get(i - 1).end();
            if (listed == null && continuesKnown) {
                continue;
            }
            int last = listed != null ? i + listed.tokens().length - 1 : suffixed(tokens, i);
            if (last < 0) {
                last = described(tokens, i);
            }
            if (last >= 0 && !overlaps(known, k, tokens.get(last).end())) {
                out.add(new Referent(null, t.start(), tokens.get(last).end(), false,
                        listed != null ? listed.kind() : Referent.Kind.COMPANY));
                i = last;
            }
        }
        return out;
    }

    private static boolean overlaps(List<Referent> known, int k, int end) {
        return k < known.size() && known.get(k).start() < end;
    }

    /** The listed name starting at {@code i}, or null. */
    private Name listed(List<Token> tokens, int i) {
        List<Name> names = byFirstToken.get(tokens.get(i).text());
        if (names == null) {
            return null;
        }
        for (Name name : names) {
            String[] words = name.tokens();
            if (i + words.length > tokens.size()) {
                continue;
            }
            boolean match = true;
            for (int j = 0; j < words.length && match; j++) {
                match = tokens.get(i + j).text().equals(words[j]);
            }
            int after = i + words.length;
            if (match && (after >= tokens.size() || tokens.get(after).spaceBefore() || !tokens.get(after).isWord())) {
                return name;
            }
        }
        return null;
    }

    /** "Acme Robotics Inc.": capitalized words then a corporate suffix; the last token, or -1. */
    private static int suffixed(List<Token> tokens, int i) {
        if (!isName(tokens.get(i))) {
            return -1;
        }
        int j = i;
        while (j + 1 < tokens.size() && j - i < 4 && isName(tokens.get(j + 1)) && !SUFFIXES.contains(tokens.get(j).text())) {
            j++;
        }
        for (int s = i + 1; s <= j; s++) {
            if (SUFFIXES.contains(tokens.get(s).text())) {
                return s + 1 < tokens.size() && tokens.get(s + 1).is(".") && tokens.get(s + 1).attached() ? s + 1 : s;
            }
        }
        return -1;
    }

    /** "chipmaker Foo", "Foo, the retailer": the last token of the name at {@code i}, or -1. */
    private static int described(List<Token> tokens, int i) {
        if (!isName(tokens.get(i))) {
            return -1;
        }
        int j = i;
        while (j + 1 < tokens.size() && j - i < 2 && isName(tokens.get(j + 1))) {
            j++;
        }
        if (i > 0 && DESCRIPTORS.contains(tokens.get(i - 1).text())) {
            return j; // "chipmaker Foo"; not a title's "Customer Growth Contributions"
        }
        if (i > 1 && tokens.get(i - 1).isIgnoreCase("of") && (tokens.get(i - 2).isIgnoreCase("shares")
                || tokens.get(i - 2).isIgnoreCase("stock"))) {
            return j; // "Shares of Core Scientific fell 5%": a listed company
        }
        if (j + 1 < tokens.size() && (tokens.get(j + 1).isIgnoreCase("shares") || tokens.get(j + 1).isIgnoreCase("stock"))
                && !tokens.get(j).isIgnoreCase("cloud") && i > 0 && !isSentenceStart(tokens, i)) {
            return j; // "with Twilio shares falling nearly 30 per cent": a listed company
        }
        if (j + 3 < tokens.size() && tokens.get(j + 1).is(",") && (tokens.get(j + 2).isIgnoreCase("the")
                || tokens.get(j + 2).isIgnoreCase("a")) && DESCRIPTORS.contains(tokens.get(j + 3).lower())) {
            return j;
        }
        return -1;
    }

    private static boolean isSentenceStart(List<Token> tokens, int i) {
        return i == 0 || tokens.get(i - 1).is(".") || tokens.get(i - 1).is(":") || tokens.get(i - 1).is("-");
    }

    private static boolean isName(Token t) {
        return t.isWord() && Character.isUpperCase(t.text().charAt(0)) && !NOT_NAMES.contains(t.text());
    }
}
