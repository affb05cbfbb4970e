package io.newsclaims.ingest.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * What is never article text, as data: tags to drop, class/id words that mark boilerplate
 * containers, and debris lines. Loaded from {@code boilerplate.txt} beside this class; see that
 * file for the format and the reasons.
 */
public final class BoilerplateRules {
    private final Set<String> tags;
    private final Set<String> markerSet;
    private final List<HyphenatedMarker> hyphenatedMarkers;
    private final Set<String> debris;
    private final List<String> positive;
    private final List<String> negative;
    /** The never-content tags as one compiled query. */
    private final Evaluator tagQuery;

    BoilerplateRules(Set<String> tags, List<String> markers, Set<String> debris, List<String> positive, List<String> negative) {
        this.tags = Set.copyOf(tags);
        this.markerSet = Set.copyOf(markers.stream().filter(m -> !m.contains("-")).toList());
        this.hyphenatedMarkers = markers.stream().filter(m -> m.contains("-")).map(HyphenatedMarker::new).toList();
        this.debris = Set.copyOf(debris);
        this.positive = List.copyOf(positive);
        this.negative = List.copyOf(negative);
        this.tagQuery = QueryParser.parse(String.join(", ", this.tags));
    }

    /** The rules shipped with newsclaims. */
    public static BoilerplateRules loadDefault() {
        try (InputStream in = BoilerplateRules.class.getResourceAsStream("boilerplate.txt")) {
            if (in == null) {
                throw new IllegalStateException("boilerplate.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boilerplate.txt", e);
        }
    }

    static BoilerplateRules parse(BufferedReader reader) throws IOException {
        Set<String> tags = new HashSet<>();
        List<String> markers = new ArrayList<>();
        Set<String> debris = new HashSet<>();
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("boilerplate rule without a kind (tag:, marker:, debris:): " + line);
            }
            String kind = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (kind) {
                case "tag" -> tags.add(value);
                case "marker" -> markers.add(value);
                case "debris" -> debris.add(normalize(value));
                case "positive" -> positive.add(value);
                case "negative" -> negative.add(value);
                default -> throw new IllegalArgumentException("unknown boilerplate rule kind '" + kind + "' in: " + line);
            }
        }
        return new BoilerplateRules(tags, markers, debris, positive, negative);
    }

    /**
     * Removes never-content tags and boilerplate containers, keeping any container that holds most of
     * the page's text. Without markers (the lenient second reading) class names are ignored and
     * forms are unwrapped instead of removed.
     */
    void removeBoilerplate(Element body, boolean useMarkers) {
        if (!useMarkers) {
            // the lenient second reading keeps what forms hold: some sites wrap the whole page in one (ASP.NET)
            for (Element e : body.select(tagQuery)) {
                if (e.normalName().equals("form")) {
                    e.unwrap();
                } else {
                    e.remove();
                }
            }
            return;
        }
        // one pass per rule kind; a removed subtree is not visited further. The first pass also
        // counts the text that remains, which the second needs
        int[] total = new int[1];
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                total[0] += TextSize.of(t.getWholeText());
            } else if (node != body && node instanceof Element e && tags.contains(e.normalName())) {
                return NodeFilter.FilterResult.REMOVE;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        TextCounts text = new TextCounts(); // what this pass removes was not counted: its counts stay true
        NodeTraversor.filter((node, depth) -> node != body && node instanceof Element e && e.attributesSize() > 0
                && isBoilerplate(e) && text.chars(e) < total[0] / 2
                ? NodeFilter.FilterResult.REMOVE : NodeFilter.FilterResult.CONTINUE, body);
    }

    private boolean isBoilerplate(Element e) {
        if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) || isHiddenByStyle(e.attr("style"))) {
            return true;
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("banner") || role.equals("dialog")) {
            return true;
        }
        if (e.normalName().equals("article") || e.normalName().equals("main")) {
            return false;
        }
        return hasMarker(e.className()) || hasMarker(e.id());
    }

    /** display:none or visibility:hidden: nobody reads it (schema.org microdata copies, templates). */
    private static boolean isHiddenByStyle(String style) {
        if (style.indexOf("none") < 0 && style.indexOf("hidden") < 0) {
            return false;
        }
        String compact = style.replace(" ", "").toLowerCase(Locale.ROOT);
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    /**
     * True when a whitespace- or underscore-separated word of {@code names} is, or has as a
     * hyphenated or camel-case part, a marker.
     */
    private boolean hasMarker(String names) {
        int n = names.length();
        int i = 0;
        while (i < n) {
            while (i < n && (Character.isWhitespace(names.charAt(i)) || names.charAt(i) == '_')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(names.charAt(i)) && names.charAt(i) != '_') {
                i++;
            }
            if (i > start && tokenHasMarker(splitCamelCase(names.substring(start, i)))) {
                return true;
            }
        }
        return false;
    }

    /** "newsCaption" reads as "news-caption", in lower case. */
    private static String splitCamelCase(String name) {
        if (isLowerCaseAscii(name)) {
            return name; // most class names: nothing to split or lower
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static boolean isLowerCaseAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    /** "related", "related-posts", "post-related", "x-related-y" all carry the marker "related". */
    private boolean tokenHasMarker(String token) {
        int from = 0;
        while (from <= token.length()) {
            int dash = token.indexOf('-', from);
            int end = dash < 0 ? token.length() : dash;
            if (markerSet.contains(token.substring(from, end))) {
                return true;
            }
            if (dash < 0) {
                break;
            }
            from = dash + 1;
        }
        // multi-part markers such as "author-bio" and "skip-link"
        for (HyphenatedMarker m : hyphenatedMarkers) {
            if (m.isIn(token)) {
                return true;
            }
        }
        return false;
    }

    /** A multi-part marker with the forms it takes inside a token, made once. */
    private record HyphenatedMarker(String marker, String asPrefix, String asSuffix, String asInfix) {
        HyphenatedMarker(String marker) {
            this(marker, marker + "-", "-" + marker, "-" + marker + "-");
        }

        boolean isIn(String token) {
            return token.equals(marker) || token.startsWith(asPrefix) || token.endsWith(asSuffix) || token.contains(asInfix);
        }
    }

    /**
     * Readability's class weight: +25 when the class or id says content ("article", "entry-content"),
     * -25 when it says furniture ("comment", "sidebar"); both can apply.
     */
    double classWeight(Element e) {
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        if (names.isBlank()) {
            return 0;
        }
        double w = 0;
        for (String p : positive) {
            if (names.contains(p)) {
                w += 25;
                break;
            }
        }
        for (String n : negative) {
            if (names.contains(n)) {
                w -= 25;
                break;
            }
        }
        return w;
    }

    /** True for a short paragraph that is a known piece of page furniture ("Leave a Reply"). */
    boolean isDebris(String paragraph) {
        return paragraph.length() <= 80 && debris.contains(normalize(paragraph));
    }

    /** Lower case, letters, digits and spaces only: "Leave a Reply!" is "leave a reply". */
    private static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().strip();
    }
}
