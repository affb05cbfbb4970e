package io.newsclaims.ingest.clean;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds an article's main text in an HTML page.
 *
 * <p>The approach is readability's: drop elements that are never content (scripts, forms,
 * navigation, and containers whose class or id says they are boilerplate, see
 * {@link BoilerplateRules}), score every container by the link-free text of the paragraphs it
 * holds (a paragraph counts fully for its parent, half for its grandparent, a quarter above), take
 * the best, and write its text as paragraphs. Paragraphs that are mostly links or known debris
 * ("Leave a Reply", "Fill out this field") are left out. Stateless and thread-safe.
 */
public final class ArticleCleaner {
    private static final int MIN_BLOCK_CHARS = 25;

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
     * @param headerCharset charset from the HTTP header, or null to detect it from BOM and meta tags
     * @param baseUrl       the page URL, for resolving relative links
     */
    public CleanedPage clean(byte[] html, String headerCharset, String baseUrl) {
        try {
            return clean(Jsoup.parse(new ByteArrayInputStream(html), headerCharset, baseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page cannot fail", e);
        }
    }

    /** Cleans an HTML string. */
    public CleanedPage clean(String html, String baseUrl) {
        return clean(Jsoup.parse(html, baseUrl));
    }

    CleanedPage clean(Document doc) {
        String title = PageMetadata.title(doc);
        CleanedPage meta = new CleanedPage(PageMetadata.canonicalUrl(doc), title, PageMetadata.byline(doc),
                PageMetadata.siteName(doc), PageMetadata.publishedAt(doc), PageMetadata.language(doc), "");
        Element body = doc.body();
        if (body == null) {
            return meta;
        }
        rules.removeBoilerplate(body);
        Element main = bestContainer(body);
        List<String> paragraphs = new ArrayList<>();
        for (Paragraph p : paragraphs(main)) {
            if (p.linkDensity() <= 0.5 && !rules.isDebris(p.text()) && !p.text().equals(title)) {
                paragraphs.add(p.text());
            }
        }
        return new CleanedPage(meta.canonicalUrl(), meta.title(), meta.byline(), meta.siteName(), meta.publishedAt(),
                meta.language(), String.join("\n\n", paragraphs));
    }

    /** The element holding the most link-free paragraph text, weighted towards the tightest container. */
    private static Element bestContainer(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select("p, pre, blockquote, td, li, div, section, article")) {
            if (!isTextBlock(block)) {
                continue;
            }
            Paragraph own = ownText(block);
            if (own.text().length() < MIN_BLOCK_CHARS) {
                continue;
            }
            double value = own.text().length() * (1 - own.linkDensity()) + 10 * countCommas(own.text());
            Element ancestor = block.parent();
            double weight = 1;
            for (int level = 0; ancestor != null && level < 4; level++) {
                scores.merge(ancestor, value * weight, Double::sum);
                weight /= 2;
                ancestor = ancestor.parent();
            }
        }
        Element best = body;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    /** A block whose own text (not inside nested blocks) is the paragraph: p, or a div with direct text. */
    private static boolean isTextBlock(Element e) {
        String tag = e.normalName();
        if (tag.equals("p") || tag.equals("pre") || tag.equals("blockquote")) {
            return true;
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && t.text().trim().length() >= MIN_BLOCK_CHARS) {
                return true;
            }
        }
        return false;
    }

    private static Paragraph ownText(Element block) {
        List<Paragraph> parts = paragraphs(block);
        StringBuilder text = new StringBuilder();
        double links = 0;
        for (Paragraph p : parts) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(p.text());
            links += p.linkDensity() * p.text().length();
        }
        return new Paragraph(text.toString(), text.length() == 0 ? 0 : links / text.length());
    }

    private static int countCommas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** Splits an element's text into paragraphs at block boundaries and line breaks. */
    static List<Paragraph> paragraphs(Element root) {
        ParagraphCollector collector = new ParagraphCollector();
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

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.text(), insideLink(t));
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
            if (Character.isWhitespace(text.charAt(0)) && current.length() > 0
                    && current.charAt(current.length() - 1) != ' ') {
                current.append(' ');
            }
            current.append(collapsed);
            if (link) {
                linkChars += collapsed.length();
            }
            if (Character.isWhitespace(text.charAt(text.length() - 1))) {
                current.append(' ');
            }
        }

        void flush() {
            String text = current.toString().trim();
            if (!text.isEmpty()) {
                paragraphs.add(new Paragraph(text, Math.min(1.0, (double) linkChars / text.length())));
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

        private static String collapse(String s) {
            StringBuilder out = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
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
