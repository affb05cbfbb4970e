package io.newsclaims.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds provider names in text. Names are matched as whole token sequences (so "Tencent" is never
 * a "cent", and "Azure's" is Azure), case-sensitively, longest name first. Parent-company names
 * ("Alibaba", "Google") count only inside a paragraph with a cloud context word, because
 * "Alibaba's share price" is not about Alibaba Cloud.
 *
 * <p>The knowledge is data: {@code providers.tsv} beside this class (its header documents the
 * format); {@link #withExtraFile(Path)} adds a user's own file.
 */
public final class ProviderGazetteer {
    /** Words that make a paragraph a cloud context; compared in lower case as substrings. */
    private static final List<String> CLOUD_CONTEXT = List.of("cloud", "data center", "data centre", "datacenter",
            "computing power", "compute", "computation", "iaas", "paas", "hyperscaler", "gpu", "server", "ai infrastructure",
            "data hub", "ai hub", "build infrastructure", "large model");

    private final Map<String, Provider> byId;
    private final Map<String, List<Name>> byFirstToken;

    private record Name(String[] tokens, Provider provider, boolean parent) {
    }

    private ProviderGazetteer(Map<String, Provider> byId) {
        this.byId = Map.copyOf(byId);
        Map<String, List<Name>> index = new HashMap<>();
        for (Provider p : byId.values()) {
            for (String alias : p.aliases()) {
                addName(index, alias, p, false);
            }
            for (String parent : p.parents()) {
                addName(index, parent, p, true);
            }
        }
        index.values().forEach(l -> l.sort(Comparator.comparingInt((Name n) -> -n.tokens().length)));
        this.byFirstToken = index;
    }

    private static void addName(Map<String, List<Name>> index, String name, Provider p, boolean parent) {
        String[] tokens = Tokenizer.tokenize(name, 0, name.length()).stream().map(Token::text).toArray(String[]::new);
        if (tokens.length > 0) {
            index.computeIfAbsent(tokens[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(new Name(tokens, p, parent));
        }
    }

    /** The gazetteer shipped with newsclaims. */
    public static ProviderGazetteer loadDefault() {
        try (Reader in = DataFile.open("providers.tsv")) {
            return new ProviderGazetteer(parse(in, "providers.tsv", new LinkedHashMap<>()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read providers.tsv", e);
        }
    }

    /** This gazetteer plus the providers of a user's file (same format); a known id is replaced. */
    public ProviderGazetteer withExtraFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ProviderGazetteer(parse(r, file.toString(), new LinkedHashMap<>(byId)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provider file " + file, e);
        }
    }

    static Map<String, Provider> parse(Reader reader, String source, Map<String, Provider> into) throws IOException {
        for (DataFile.Row row : DataFile.rows(reader)) {
            String[] cols = row.columns();
            if (cols.length < 3) {
                throw new IllegalArgumentException(source + ":" + row.number()
                        + ": expected id, name, aliases[, parents] separated by tabs");
            }
            List<String> parents = cols.length > 3 ? split(cols[3]) : List.of();
            into.put(cols[0].strip(), new Provider(cols[0].strip(), cols[1].strip(), split(cols[2]), parents));
        }
        return into;
    }

    private static List<String> split(String col) {
        return Arrays.stream(col.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Provider provider(String id) {
        return byId.get(id);
    }

    /** Every provider, by id. */
    public List<Provider> providers() {
        return byId.values().stream().sorted(Comparator.comparing(Provider::id)).toList();
    }

    /**
     * Provider mentions in one paragraph, in text order.
     *
     * @param text the article text
     * @param from start of the paragraph
     * @param to   end of the paragraph
     */
    public List<ProviderMention> find(String text, int from, int to, List<Token> tokens) {
        return find(tokens, hasCloudContext(text.substring(from, to))).stream().filter(Referent::mentionsProvider)
                .map(r -> new ProviderMention(r.provider(), r.start(), r.end(), r.viaParent())).toList();
    }

    /**
     * Every name of the gazetteer in one paragraph, in text order: providers; parent names outside
     * a cloud context, which stand for the company, as non-provider referents; and in a cloud
     * context, a parent named for its stock ("shares of Alibaba") as a {@link Referent.Kind#STOCK}.
     *
     * @param cloudContext whether the paragraph (or the article's lead) talks about cloud
     */
    List<Referent> find(List<Token> tokens, boolean cloudContext) {
        List<Referent> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            Name split = tickerSplit(tokens, i);
            if (split != null) { // "Alibaba (BABA 1.50%) Cloud": a quote inserted inside the name
                int last = quoteEnd(tokens, i + 1) + split.tokens().length - 1;
                out.add(new Referent(split.provider(), tokens.get(i).start(), tokens.get(last).end(), false));
                i = last + 1;
                continue;
            }
            Name match = longestMatch(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            int last = i + match.tokens().length - 1;
            int start = tokens.get(i).start();
            int end = endOf(tokens.get(last), match.tokens());
            if (!match.parent()) {
                out.add(new Referent(match.provider(), start, end, false));
            } else if (!cloudContext || namesAProduct(tokens, last + 1)) {
                out.add(new Referent(null, start, end, true)); // "Alibaba's share price": the company
            } else if (aboutTheStock(tokens, i, last)) {
                out.add(new Referent(match.provider(), start, end, true, Referent.Kind.STOCK));
            } else {
                out.add(new Referent(match.provider(), start, end, true));
            }
            i = last + 1;
        }
        return out;
    }

    /** Words that make a parent's name with them a consumer product's: "Microsoft 365 Copilot", "the Baidu App". */
    private static final Set<String> PRODUCT_WORDS = Set.of("App", "Office", "Xbox", "Search", "Maps", "Pay", "Prime",
            "Ads", "Music", "Play", "Photos", "Teams", "Windows", "Pixel", "Surface", "Alexa");

    /** Whether the token after a parent's name makes it a product's ("Microsoft 365", "Baidu App"), not the company's. */
    private static boolean namesAProduct(List<Token> tokens, int next) {
        if (next >= tokens.size() || !tokens.get(next).spaceBefore()) {
            return false;
        }
        Token t = tokens.get(next);
        return PRODUCT_WORDS.contains(t.text()) || t.text().chars().allMatch(Character::isDigit) && t.text().length() == 3;
    }

    /** Tokens a stock quote set inside a name may take: "(BABA 1.50%)", "(NYSE: ORCL)". */
    private static final int QUOTE_TOKENS = 7;

    /**
     * A name of two words or more that a finance site split with a stock quote after its first word
     * ("Alibaba (BABA 1.50%) Cloud"): that name, whose last word is the quote's end plus its length
     * less one, or null.
     */
    private Name tickerSplit(List<Token> tokens, int i) {
        List<Name> candidates = byFirstToken.get(tokens.get(i).lower());
        int close = quoteEnd(tokens, i + 1);
        if (candidates == null || close < 0) {
            return null;
        }
        for (Name n : candidates) {
            if (!n.parent() && matchesAround(tokens, i, close, n.tokens())) {
                return n;
            }
        }
        return null;
    }

    /** Whether the name's first word is at {@code i} and its other words follow the quote that ends at {@code close}. */
    private static boolean matchesAround(List<Token> tokens, int i, int close, String[] name) {
        if (name.length < 2 || !sameWord(tokens.get(i).text(), name[0])) {
            return false;
        }
        for (int k = 1; k < name.length; k++) {
            int at = close + k;
            if (at >= tokens.size() || !sameWord(tokens.get(at).text(), name[k])) {
                return false;
            }
        }
        return true;
    }

    /** "(BABA 1.50%)" from {@code open}: a parenthesis holding a ticker (2 to 5 capitals); the index of ")" or -1. */
    private static int quoteEnd(List<Token> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).is("(")) {
            return -1;
        }
        boolean ticker = false;
        for (int k = open + 1; k < tokens.size() && k <= open + QUOTE_TOKENS; k++) {
            Token t = tokens.get(k);
            if (t.is(")")) {
                return ticker ? k : -1;
            }
            ticker |= t.isTickerSymbol();
        }
        return -1;
    }

    private Name longestMatch(List<Token> tokens, int i) {
        List<Name> candidates = byFirstToken.get(tokens.get(i).lower());
        if (candidates == null) {
            return null;
        }
        for (Name name : candidates) {
            if (matches(tokens, i, name.tokens())) {
                return name;
            }
        }
        return null;
    }

    private static boolean matches(List<Token> tokens, int i, String[] name) {
        if (i + name.length > tokens.size()) {
            return false;
        }
        // "KINGSOFT CLOUD (03896) rises 20%", "ALPHABET INC. (GOOGL)"; not a short name in capitals, an acronym as often
        boolean capitals = (name.length > 1 || name[0].length() >= MIN_CAPITALS_LETTERS) && inCapitals(tokens, i, name);
        for (int k = 0; k < name.length && !capitals; k++) {
            if (!sameWord(tokens.get(i + k).text(), name[k])
                    && !(k == name.length - 1 && gluedOn(tokens.get(i + k).text(), name))) {
                return false;
            }
        }
        if (gluedOn(tokens.get(i + name.length - 1).text(), name)) {
            return true;
        }
        // a name must not run on into a longer word: "AWSome" is not AWS
        int after = i + name.length;
        if (after < tokens.size()) {
            Token next = tokens.get(after);
            return next.spaceBefore() || !(next.isWord() || next.isNumber());
        }
        return true;
    }

    /**
     * "Kingsoft CloudCAI": scraped text that glued the next capitalized word to a name of two words or
     * more; the name's last word ends in lower case and a capital follows it.
     */
    private static boolean gluedOn(String token, String[] name) {
        String last = name[name.length - 1];
        return name.length >= 2 && token.length() > last.length() && token.startsWith(last)
                && Character.isLowerCase(last.charAt(last.length() - 1)) && Character.isUpperCase(token.charAt(last.length()));
    }

    /** The end of a name's match: short of a capitalized word glued on. */
    private static int endOf(Token token, String[] name) {
        return gluedOn(token.text(), name) ? token.start() + name[name.length - 1].length() : token.end();
    }

    /**
     * The same word as in the gazetteer, or written with other inner capitals ("Coreweave" for
     * "CoreWeave", "Digitalocean"): the first letter must be a capital all the same, so a word in
     * a URL or running text ("tencent.com", "azure sky") is no name.
     */
    private static boolean sameWord(String token, String name) {
        return token.equals(name) || token.length() > 3 && token.equalsIgnoreCase(name)
                && Character.isUpperCase(token.charAt(0)) && Character.isUpperCase(name.charAt(0))
                && !isAllCaps(token) && !isAllCaps(name);
    }

    /** A name of several words written in capitals, as a headline or a stock line writes it ("KINGSOFT CLOUD"). */
    /** The fewest letters of a one-word name matched in capitals ("ORACLE"; not "ARM" nor "LINE"). */
    private static final int MIN_CAPITALS_LETTERS = 5;

    private static boolean inCapitals(List<Token> tokens, int i, String[] name) {
        for (int k = 0; k < name.length; k++) {
            String t = tokens.get(i + k).text();
            if (!t.equalsIgnoreCase(name[k]) || !isAllCaps(t) || !t.chars().anyMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllCaps(String s) {
        return s.chars().noneMatch(Character::isLowerCase);
    }

    /** "shares of Alibaba", "Alibaba's stock", "Alibaba shares": the listed company, not its cloud unit. */
    private static boolean aboutTheStock(List<Token> tokens, int first, int last) {
        boolean sharesOf = first >= 2 && (tokens.get(first - 1).isIgnoreCase("of") || tokens.get(first - 1).isIgnoreCase("in"))
                && (tokens.get(first - 2).isIgnoreCase("shares") || tokens.get(first - 2).isIgnoreCase("stock"));
        int k = last + 1;
        if (k + 1 < tokens.size() && (tokens.get(k).is("'") || tokens.get(k).is("\u2019")) && tokens.get(k + 1).isIgnoreCase("s")) {
            k += 2;
        }
        boolean stockAfter = k < tokens.size() && (tokens.get(k).isIgnoreCase("shares") || tokens.get(k).isIgnoreCase("stock")
                || tokens.get(k).isIgnoreCase("share") && k + 1 < tokens.size() && tokens.get(k + 1).isIgnoreCase("price"));
        return sharesOf || stockAfter || movesBy(tokens, last + 1);
    }

    /** Verbs of a listed company's move: "Microsoft plunges 11.5% on Azure slowdown" speaks of its stock. */
    private static final Set<String> STOCK_MOVES = Set.of("plunges", "plunged", "soars", "soared", "jumps", "jumped",
            "tumbles", "tumbled", "slumps", "slumped", "sinks", "sank", "surges", "surged", "rallies", "rallied", "drops",
            "dropped", "falls", "fell", "rises", "rose", "climbs", "climbed", "slides", "slid", "dips", "dipped", "skids",
            "skidded", "slips", "slipped", "spikes", "spiked");
    private static final Set<String> MOVE_QUALIFIERS = Set.of("as", "much", "nearly", "almost", "about", "around", "more",
            "than", "over", "by", "some", "roughly");

    /** A stock move right after a name: a move verb, at most three qualifying words, then a percentage. */
    private static boolean movesBy(List<Token> tokens, int k) {
        if (k >= tokens.size() || !STOCK_MOVES.contains(tokens.get(k).lower())) {
            return false;
        }
        int p = k + 1;
        while (p < tokens.size() && p <= k + 3 && MOVE_QUALIFIERS.contains(tokens.get(p).lower())) {
            p++;
        }
        return p + 1 < tokens.size() && tokens.get(p).isNumber()
                && (tokens.get(p + 1).is("%") || tokens.get(p + 1).isIgnoreCase("percent") || tokens.get(p + 1).isIgnoreCase("per"));
    }

    /** Whether a text talks about cloud (in lower case or not). */
    static boolean hasCloudContext(String paragraph) {
        return hasCloudWords(paragraph.toLowerCase(Locale.ROOT));
    }

    /** {@link #hasCloudContext} of a text already in lower case: spares a paragraph's second lowering. */
    static boolean hasCloudWords(String lower) {
        for (String w : CLOUD_CONTEXT) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
