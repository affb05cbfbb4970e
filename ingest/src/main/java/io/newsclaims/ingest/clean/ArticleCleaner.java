package io.newsclaims.ingest.clean;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jsoup.select.NodeVisitor;

/**
 * Finds an article's main text in an HTML page.
 *
 * <p>The approach is readability's: drop elements that are never content (scripts, forms,
 * navigation, and containers whose class or id says they are boilerplate, see
 * {@link BoilerplateRules}), score every container by the link-free text of the paragraphs it
 * holds (a paragraph counts fully for its parent, half for its grandparent, a quarter above), take
 * the best, and write its text as paragraphs. Paragraphs that are mostly links or known debris
 * ("Leave a Reply", "Fill out this field") are left out. Lengths are {@link TextSize}s, so the
 * rules read Chinese and Japanese, written without spaces, as they read English. Stateless and
 * thread-safe.
 */
public final class ArticleCleaner {
    /** The least {@link TextSize} of a paragraph that counts for its container. */
    private static final int MIN_BLOCK_SIZE = 25;
    /** Below this {@link TextSize} the main text is "almost nothing" and the page is read again leniently. */
    private static final int MIN_ARTICLE_SIZE = 250;
    /** A sibling paragraph of the article this long ({@link TextSize}) is article text when it has few links. */
    private static final int LONG_PARAGRAPH_SIZE = 80;
    private static final int TOP_CANDIDATES = 5;
    private static final Evaluator BLOCKS = QueryParser.parse("p, pre, blockquote, td, li, div, section, article");

    private final BoilerplateRules rules;

    public ArticleCleaner() {
        this(BoilerplateRules.loadDefault());
    }

    public ArticleCleaner(BoilerplateRules rules) {
        this.rules = rules;
    }

    /**
     * Cleans raw HTML bytes.
     *
     * @param html          the page bytes
     * @param headerCharset charset label from the HTTP header, or null to detect it from BOM and meta tags;
     *                      labels are read as browsers read them ({@link EncodingLabels}: "ISO-8859-1" is windows-1252)
     * @param baseUrl       the page URL, for resolving relative links
     */
    public CleanedPage clean(byte[] html, String headerCharset, String baseUrl) {
        return clean(parse(html, headerCharset, baseUrl), () -> parse(html, headerCharset, baseUrl));
    }

    /**
     * Decodes as the HTML standard orders it: a byte order mark, then the header's label, then the
     * page's own {@code <meta>} declaration, each label read with the WHATWG table, then, for a page
     * that declares nothing and is not UTF-8, the encoding detected in its bytes
     * ({@link UndeclaredEncoding}); Jsoup finds the BOM and the meta, and the page is read again
     * when Jsoup took a meta label the way Java reads it, or when nothing was declared.
     */
    static Document parse(byte[] html, String headerCharset, String baseUrl) {
        byte[] bytes = ScriptStripper.strip(html);
        Charset header = EncodingLabels.forLabel(headerCharset).orElse(null);
        if (header != null) {
            return read(EncodingLabels.forJavaDecoder(bytes, header), header.name(), baseUrl);
        }
        Document doc = read(bytes, null, baseUrl);
        if (hasByteOrderMark(bytes)) {
            return doc;
        }
        Charset encoding = EncodingLabels.forMetaLabel(declaredCharset(doc))
                .or(() -> UndeclaredEncoding.of(bytes)).orElse(null);
        if (encoding == null) {
            return doc;
        }
        byte[] decodable = EncodingLabels.forJavaDecoder(bytes, encoding);
        return encoding.equals(doc.charset()) && decodable == bytes ? doc : read(decodable, encoding.name(), baseUrl);
    }

    private static Document read(byte[] bytes, String charset, String baseUrl) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page cannot fail", e);
        }
    }

    /** The label of the page's first charset declaration, as Jsoup looks for it, or null. */
    private static String declaredCharset(Document doc) {
        Element meta = doc.selectFirst("meta[http-equiv=content-type], meta[charset]");
        if (meta == null) {
            return null;
        }
        if (meta.hasAttr("http-equiv")) {
            Matcher m = META_CONTENT_CHARSET.matcher(meta.attr("content"));
            if (m.find()) {
                return m.group(1);
            }
        }
        return meta.hasAttr("charset") ? meta.attr("charset") : null;
    }

    private static final Pattern META_CONTENT_CHARSET = Pattern.compile("(?i)\\bcharset=\\s*[\"']?([^\\s,;\"']+)");

    private static boolean hasByteOrderMark(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
                || b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE);
    }

    /** Cleans an HTML string. */
    public CleanedPage clean(String html, String baseUrl) {
        return clean(Jsoup.parse(html, baseUrl), () -> Jsoup.parse(html, baseUrl));
    }

    /** @param reparse a fresh copy of the page, for the rare second reading */
    private CleanedPage clean(Document doc, java.util.function.Supplier<Document> reparse) {
        PageMetadata metadata = PageMetadata.of(doc);
        String title = metadata.title();
        boolean declared = metadata.declaredArticle();
        CleanedPage meta = new CleanedPage(metadata.canonicalUrl(), title, metadata.byline(),
                metadata.siteName(), metadata.publishedAt(), metadata.language(), "", declared, List.of());
        if (doc.body() == null) {
            return new CleanedPage(meta.canonicalUrl(), title, meta.byline(), meta.siteName(), meta.publishedAt(),
                    ScriptLanguage.resolve(meta.language(), title), "", declared, List.of());
        }
        List<String> links = metadata.sameHostLinks();
        // a site that names its main column like boilerplate ("widget Blog") loses it to the markers:
        // when that leaves (almost) nothing, read the page again with the tag rules only
        String text = mainText(doc.body(), title, true);
        if (TextSize.length(text) < MIN_ARTICLE_SIZE) {
            Document copy = reparse.get();
            String retry = copy.body() == null ? "" : mainText(copy.body(), title, false);
            if (TextSize.length(retry) > TextSize.length(text)) {
                text = retry;
            }
        }
        String language = ScriptLanguage.resolve(meta.language(), text.isEmpty() ? title : text);
        return new CleanedPage(meta.canonicalUrl(), meta.title(), meta.byline(), meta.siteName(), meta.publishedAt(),
                language, text, declared, links);
    }

    private String mainText(Element body, String title, boolean useMarkers) {
        rules.removeBoilerplate(body, useMarkers);
        Map<Element, Double> scores = scoreContainers(body);
        TextCounts text = new TextCounts();
        Element main = bestContainer(body, scores, text, rules);
        List<String> paragraphs = new ArrayList<>();
        for (Element part : withRepeatedChunks(main, withContentSiblings(main, scores, text), scores, text)) {
            for (Paragraph p : paragraphs(part)) {
                if (p.linkDensity() <= 0.5 && !rules.isDebris(p.text()) && !p.text().equals(title)) {
                    paragraphs.add(p.text());
                }
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * The best container and those of its siblings that hold content too (readability: a sibling
     * scoring at least a fifth of the best, or a long paragraph with few links), in page order.
     */
    private static List<Element> withContentSiblings(Element top, Map<Element, Double> scores, TextCounts text) {
        Element best = top;
        // a wrapper that holds only the best candidate stands for it: its siblings are the article's other parts
        while (best.parent() != null && !best.parent().normalName().equals("body") && best.parent().childrenSize() == 1) {
            best = best.parent();
        }
        Element parent = best.parent();
        if (parent == null || best.normalName().equals("body")) {
            return List.of(best);
        }
        double threshold = Math.max(10, scores.getOrDefault(best, 0.0) * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                parts.add(sibling);
                continue;
            }
            boolean strong = scores.getOrDefault(sibling, 0.0) >= threshold;
            boolean longParagraph = sibling.normalName().equals("p") && TextSize.length(sibling.text()) > LONG_PARAGRAPH_SIZE;
            if (strong || longParagraph) {
                double links = text.linkDensity(sibling);
                if (strong && links < 0.3 || longParagraph && links < 0.25) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    /** How far up from the best container a repeated chunk is looked for. */
    private static final int MAX_CHUNK_LEVELS = 5;
    /** A chunk's least score: one paragraph of some length. */
    private static final double MIN_CHUNK_SCORE = 50;

    /**
     * An article cut into chunks of the same markup (the text between ads or figures, each in its
     * own {@code <div class="chunk">}): when an ancestor of the best container has siblings with its
     * tag and classes, the element at the same place inside each of them is a part too.
     *
     * @param parts the best container and its content siblings, in page order
     * @return the parts with those of the other chunks, in page order
     */
    private static List<Element> withRepeatedChunks(Element best, List<Element> parts, Map<Element, Double> scores, TextCounts text) {
        List<String> path = new ArrayList<>();
        Element chunk = best;
        for (int level = 0; level < MAX_CHUNK_LEVELS && chunk.parent() != null && !chunk.normalName().equals("body"); level++) {
            Element parent = chunk.parent();
            String signature = signature(chunk);
            if (!chunk.className().isBlank() && hasTwin(parent, chunk, signature)) {
                List<Element> out = new ArrayList<>();
                StringBuilder seen = new StringBuilder();
                parts.forEach(p -> seen.append(p.text()).append('\n'));
                for (Element sibling : parent.children()) {
                    if (sibling == chunk) {
                        out.addAll(parts);
                    } else {
                        Element same = twinPart(sibling, signature, path);
                        // a chunk holds paragraphs of its own; a copy of text already taken is not one
                        if (same != null && scores.getOrDefault(same, 0.0) >= MIN_CHUNK_SCORE && text.linkDensity(same) < 0.5
                                && seen.indexOf(same.text()) < 0) {
                            out.add(same);
                            seen.append(same.text()).append('\n');
                        }
                    }
                }
                return out;
            }
            path.add(0, signature);
            chunk = parent;
        }
        return parts;
    }

    private static boolean hasTwin(Element parent, Element child, String signature) {
        for (Element c : parent.children()) {
            if (c != child && signature(c).equals(signature)) {
                return true;
            }
        }
        return false;
    }

    private static String signature(Element e) {
        return e.normalName() + "." + e.className();
    }

    /**
     * In a sibling of the chunk: the element at the best container's place, when the sibling is a
     * twin of the chunk or holds one, or null. The steps of the path may be nested more deeply than
     * in the chunk itself (a first chunk often sits in a wrapper of its own).
     */
    private static Element twinPart(Element sibling, String signature, List<String> path) {
        Element at = signature(sibling).equals(signature) ? sibling : descendant(sibling, signature);
        for (int i = 0; at != null && i < path.size(); i++) {
            at = descendant(at, path.get(i));
        }
        return at;
    }

    /** The first element below {@code from} with this signature, or null. */
    private static Element descendant(Element from, String signature) {
        for (Element e : from.getElementsByTag(signature.substring(0, signature.indexOf('.')))) {
            if (e != from && signature(e).equals(signature)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Scores every container by the link-free paragraph text below it (decaying with distance), in the order the
     * containers are first met (Jsoup's elements are equal only to themselves): containers of equal score are then
     * taken in document order, the same on every run (an identity map's order differed from run to run).
     */
    private static Map<Element, Double> scoreContainers(Element body) {
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element block : body.select(BLOCKS)) {
            if (!isTextBlock(block)) {
                continue;
            }
            BlockText own = measure(block);
            if (own.length() < MIN_BLOCK_SIZE) {
                continue;
            }
            double value = own.length() * (1 - own.linkDensity()) + 10 * own.commas();
            Element ancestor = block.parent();
            double weight = 1;
            for (int level = 0; ancestor != null && level < 4; level++) {
                scores.merge(ancestor, value * weight, Double::sum);
                weight /= 2;
                ancestor = ancestor.parent();
            }
        }
        return scores;
    }

    private static Element bestContainer(Element body, Map<Element, Double> scores, TextCounts text, BoilerplateRules rules) {
        // the few best by text, then judged also by their links and their class names: a content
        // class ("article-body") weighs half as much again, a furniture class ("widget") half as much,
        // whatever the amount of text (readability's +-25 points are on a scale of paragraph counts)
        List<Map.Entry<Element, Double>> top = new ArrayList<>(scores.entrySet());
        top.sort(Map.Entry.<Element, Double>comparingByValue().reversed());
        Element best = body;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : top.subList(0, Math.min(TOP_CANDIDATES, top.size()))) {
            double score = e.getValue() * (1 - text.linkDensity(e.getKey())) * (1 + rules.classWeight(e.getKey()) / 50);
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * A block whose own text is a paragraph: p, pre, blockquote, or a div (section, td, li) with
     * direct text or with inline children only ({@code <div><span>text</span></div>}).
     */
    private static boolean isTextBlock(Element e) {
        String tag = e.normalName();
        if (tag.equals("p") || tag.equals("pre") || tag.equals("blockquote")) {
            return true;
        }
        boolean onlyInline = true;
        for (Node child : e.childNodes()) {
            // the raw text is at least as long as the normalized one: most text children (whitespace between tags) are told by it
            if (child instanceof TextNode t && TextSize.length(t.getWholeText()) >= MIN_BLOCK_SIZE
                    && TextSize.length(t.text().trim()) >= MIN_BLOCK_SIZE) {
                return true;
            }
            if (child instanceof Element c && isBlock(c)) {
                onlyInline = false;
            }
        }
        return onlyInline && e.childNodeSize() > 0 && !e.children().isEmpty();
    }

    /** The {@link TextSize} of a block's text as its paragraphs joined by spaces would have it, and its links and commas. */
    private record BlockText(int length, double linkDensity, int commas) {
    }

    private static BlockText measure(Element block) {
        ParagraphCollector m = new ParagraphCollector(true);
        NodeTraversor.traverse(m, block);
        m.flush();
        int length = m.count == 0 ? 0 : m.chars + m.count - 1;
        return new BlockText(length, length == 0 ? 0 : (double) m.links / length, m.commas);
    }

    /** Splits an element's text into paragraphs at block boundaries and line breaks. */
    static List<Paragraph> paragraphs(Element root) {
        ParagraphCollector collector = new ParagraphCollector(false);
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.paragraphs;
    }

    /** One paragraph of text and the share of its characters inside links. */
    record Paragraph(String text, double linkDensity) {
    }

    private static final class ParagraphCollector implements NodeVisitor {
        private final List<Paragraph> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkChars;
        /** Only measure (for scoring): no paragraph strings are made. */
        private final boolean measureOnly;
        int count;
        int chars;
        int links;
        int commas;

        ParagraphCollector(boolean measureOnly) {
            this.measureOnly = measureOnly;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText(), insideLink(t));
            } else if (node instanceof Element e && (isBlock(e) || e.normalName().equals("br"))) {
                flush();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && isBlock(e)) {
                flush();
            }
        }

        private void append(String text, boolean link) {
            String collapsed = collapse(text);
            if (collapsed.isEmpty()) {
                if (!text.isEmpty() && current.length() > 0 && current.charAt(current.length() - 1) != ' ') {
                    current.append(' ');
                }
                return;
            }
            if (isSpace(text.charAt(0)) && current.length() > 0
                    && current.charAt(current.length() - 1) != ' ') {
                current.append(' ');
            }
            current.append(collapsed);
            if (link) {
                linkChars += TextSize.length(collapsed);
            }
            if (isSpace(text.charAt(text.length() - 1))) {
                current.append(' ');
            }
        }

        void flush() {
            int start = 0;
            int end = current.length();
            while (start < end && current.charAt(start) <= ' ') { // what String.trim() removes
                start++;
            }
            while (end > start && current.charAt(end - 1) <= ' ') {
                end--;
            }
            int size = 0; // TextSize.length of the trimmed paragraph
            for (int i = start; i < end; i++) {
                char c = current.charAt(i);
                size += TextSize.isHanOrKana(c) ? TextSize.CJK_WEIGHT : 1;
                commas += measureOnly && TextSize.isComma(c) ? 1 : 0;
            }
            if (end > start && measureOnly) {
                count++;
                chars += size;
                links += Math.min(linkChars, size);
            } else if (end > start) {
                paragraphs.add(new Paragraph(current.substring(start, end), size == 0 ? 0 : Math.min(1.0, (double) linkChars / size)));
            }
            current.setLength(0);
            linkChars = 0;
        }

        private static boolean insideLink(Node n) {
            for (Node p = n.parentNode(); p instanceof Element e; p = p.parentNode()) {
                if (e.normalName().equals("a")) {
                    return true;
                }
                if (isBlock(e)) {
                    return false;
                }
            }
            return false;
        }

        /** Whitespace as the text reads: also the no-break space. */
        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || c == '\u00a0';
        }

        private static String collapse(String s) {
            StringBuilder out = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u200b' || c == '\u00ad') {
                    continue; // zero-width space and soft hyphen: invisible, and they would split words
                }
                if (isSpace(c)) {
                    space = out.length() > 0;
                } else {
                    if (space) {
                        out.append(' ');
                        space = false;
                    }
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                 "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "header", "footer", "dl",
                 "dt", "dd", "hr", "address", "details", "summary" -> true;
            default -> false;
        };
    }
}
