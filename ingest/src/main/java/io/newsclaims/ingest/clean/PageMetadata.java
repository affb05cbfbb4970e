package io.newsclaims.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Reads article metadata from meta tags, JSON-LD and {@code <time>} elements, most specific first.
 * The meta tags and the JSON-LD article are read once per page ({@link #of}); every field is then
 * a lookup.
 */
final class PageMetadata {
    private final Document doc;
    /** Meta content by lower-case property, name, itemprop or http-equiv; the first in the page wins. */
    private final Map<String, String> metas;
    /** The page's first JSON-LD object of an article type, or null. */
    private final JsonNode jsonLdArticle;

    /** The page's links, in page order, read before any element is removed. */
    private final List<Element> anchors;
    /** The first element of each kind the fallbacks need (a canonical link, an h1...), from the same pass. */
    private final Firsts firsts;

    /** The first element of the page of each kind a fallback reads. */
    private static final class Firsts {
        Element html;
        Element canonicalLink;
        Element ogUrl;
        Element h1;
        Element time;
        Element byline;
    }

    private PageMetadata(Document doc, Map<String, String> metas, JsonNode jsonLdArticle, List<Element> anchors, Firsts firsts) {
        this.doc = doc;
        this.metas = metas;
        this.jsonLdArticle = jsonLdArticle;
        this.anchors = anchors;
        this.firsts = firsts;
    }

    /** Reads the meta tags, the JSON-LD scripts, the links and the fallbacks' elements in one pass over the page. */
    static PageMetadata of(Document doc) {
        Map<String, String> metas = new HashMap<>();
        List<Element> anchors = new ArrayList<>();
        List<Element> jsonLd = new ArrayList<>();
        Firsts firsts = new Firsts();
        NodeTraversor.traverse((node, depth) -> {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "a" -> anchors.add(e);
                case "meta" -> {
                    addMeta(e, metas);
                    if (firsts.ogUrl == null && e.attr("property").trim().equalsIgnoreCase("og:url") && e.hasAttr("content")) {
                        firsts.ogUrl = e;
                    }
                }
                case "script" -> {
                    if (e.attr("type").trim().equalsIgnoreCase("application/ld+json")) {
                        jsonLd.add(e);
                    }
                }
                case "link" -> {
                    if (firsts.canonicalLink == null && e.attr("rel").trim().equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                        firsts.canonicalLink = e;
                    }
                }
                case "html" -> {
                    if (firsts.html == null) {
                        firsts.html = e;
                    }
                }
                case "h1" -> {
                    if (firsts.h1 == null) {
                        firsts.h1 = e;
                    }
                }
                case "time" -> {
                    if (firsts.time == null && e.hasAttr("datetime")) {
                        firsts.time = e;
                    }
                }
                default -> {
                }
            }
            if (firsts.byline == null && e.attributesSize() > 0 && (e.attr("rel").trim().equalsIgnoreCase("author")
                    || e.attr("itemprop").trim().equalsIgnoreCase("author") || e.hasClass("byline") || e.hasClass("author-name"))) {
                firsts.byline = e;
            }
        }, doc);
        return new PageMetadata(doc, metas, findJsonLdArticle(jsonLd), anchors, firsts);
    }

    private static void addMeta(Element m, Map<String, String> metas) {
        if (!m.hasAttr("content")) {
            return;
        }
        String content = m.attr("content");
        for (String key : KEY_ATTRIBUTES) {
            String k = m.attr(key);
            if (!k.isEmpty()) {
                metas.putIfAbsent(k.toLowerCase(Locale.ROOT), content);
            }
        }
    }

    private static final String[] KEY_ATTRIBUTES = {"property", "name", "itemprop", "http-equiv"};

    String title() {
        String t = firstNonBlank(meta("og:title"), meta("twitter:title"), jsonLd("headline"));
        if (t == null) {
            t = firsts.h1 != null ? firsts.h1.text() : doc.title();
        }
        return blankToNull(t);
    }

    String byline() {
        String a = firstNonBlank(meta("author"), meta("article:author"), jsonLdAuthor());
        if (a == null) {
            a = firsts.byline != null ? firsts.byline.text() : null;
        }
        return blankToNull(a);
    }

    String siteName() {
        return blankToNull(firstNonBlank(meta("og:site_name"), meta("application-name")));
    }

    String language() {
        Element html = firsts.html;
        String lang = firstNonBlank(html != null ? html.attr("lang") : null,
                meta("og:locale"), meta("content-language"), meta("language"));
        if (lang == null) {
            return null;
        }
        String code = lang.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return code.length() == 2 || code.length() == 3 ? code : null;
    }

    String canonicalUrl() {
        String href = firsts.canonicalLink != null ? firsts.canonicalLink.absUrl("href") : null;
        if (href == null || href.isBlank()) {
            href = firsts.ogUrl != null ? firsts.ogUrl.absUrl("content") : null;
        }
        if (href == null || href.isBlank() || !href.startsWith("http")) {
            // an AMP page should name its canonical page; when it does not, its URL without the AMP markers
            return isAmp() && doc.location().startsWith("http") ? AMP.withoutAmpMarkers(doc.location()) : null;
        }
        return href;
    }

    /** {@code <html amp>} or {@code <html ⚡>}: an AMP version of a page. */
    boolean isAmp() {
        Element html = firsts.html;
        return html != null && (html.hasAttr("amp") || html.hasAttr("\u26A1"));
    }

    private static final io.newsclaims.ingest.fetch.UrlCanonicalizer AMP = new io.newsclaims.ingest.fetch.UrlCanonicalizer();

    Instant publishedAt() {
        String raw = firstNonBlank(meta("article:published_time"), jsonLd("datePublished"),
                meta("datePublished"), meta("date"), meta("pubdate"), meta("dc.date"),
                meta("DC.date.issued"));
        if (raw == null) {
            raw = firsts.time != null ? firsts.time.attr("datetime") : null;
        }
        return parseInstant(raw);
    }

    /** True when the page declares itself an article: og:type article, or a JSON-LD article type. */
    boolean declaredArticle() {
        String type = meta("og:type");
        return "article".equalsIgnoreCase(type == null ? "" : type.trim()) || jsonLdArticle != null;
    }

    /** Links to the page's own host, absolute and without fragments, in page order (at most 500). */
    java.util.List<String> sameHostLinks() {
        java.net.URI base;
        try {
            base = java.net.URI.create(doc.location());
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
        String host = base.getHost();
        if (host == null) {
            return java.util.List.of();
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Element a : anchors) {
            if (out.size() >= 500) {
                break;
            }
            String link = sameHostLink(a.attr("href").trim(), base, origin, host);
            if (link != null) {
                out.add(link);
            }
        }
        return java.util.List.copyOf(out);
    }

    /** {@code href} resolved against the page, without its fragment, when it is an http(s) link to {@code host}; else null. */
    private static String sameHostLink(String href, java.net.URI base, String origin, String host) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")) {
            return null;
        }
        if (isPlainRootPath(href)) { // most links: what URI.resolve would give, without parsing
            return withoutFragment(origin + href);
        }
        int hostEnd = plainAbsoluteHostEnd(href);
        if (hostEnd > 0) { // "https://host/path": ours or not, told without parsing
            return href.substring(href.indexOf("://") + 3, hostEnd).equalsIgnoreCase(host) ? withoutFragment(href) : null;
        }
        try {
            java.net.URI u = base.resolve(href).normalize();
            String scheme = u.getScheme();
            boolean ours = host.equalsIgnoreCase(u.getHost()) && ("http".equals(scheme) || "https".equals(scheme));
            return ours ? withoutFragment(u.toString()) : null;
        } catch (IllegalArgumentException e) {
            return null; // not a link we can follow
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash >= 0 ? url.substring(0, hash) : url;
    }

    /**
     * For "http(s)://host/plain/path" (no user, no port, a path as {@link #isPlainRootPath} wants):
     * where the host ends; else -1.
     */
    private static int plainAbsoluteHostEnd(String href) {
        int start = href.regionMatches(true, 0, "https://", 0, 8) ? 8 : href.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (start < 0) {
            return -1;
        }
        int end = start;
        while (end < href.length() && "/?#".indexOf(href.charAt(end)) < 0) {
            char c = href.charAt(end);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return -1; // a port, user info or something to decode: let URI read it
            }
            end++;
        }
        if (end == start) {
            return -1;
        }
        return end == href.length() || isPlainRootPath(href.substring(end)) ? end : -1;
    }

    /** "/news/a-story?page=2": a path from the root with nothing to normalize or escape. */
    private static boolean isPlainRootPath(String href) {
        if (href.length() < 1 || href.charAt(0) != '/' || href.startsWith("//") || href.contains("/.")) {
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/?=&+:,;@!$*#".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    static Instant parseInstant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        Instant usual = IsoTimestamp.parse(s);
        if (usual != null) {
            return usual;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private String meta(String name) {
        return metas.get(name.toLowerCase(Locale.ROOT));
    }

    /** A field of the first JSON-LD object of an article type, or null. */
    private String jsonLd(String field) {
        JsonNode v = jsonLdArticle == null ? null : jsonLdArticle.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private String jsonLdAuthor() {
        JsonNode author = jsonLdArticle == null ? null : jsonLdArticle.get("author");
        if (author == null) {
            return null;
        }
        JsonNode first = author.isArray() && !author.isEmpty() ? author.get(0) : author;
        if (first.isTextual()) {
            return first.asText();
        }
        JsonNode name = first.get("name");
        return name != null && name.isTextual() ? name.asText() : null;
    }

    private static JsonNode findJsonLdArticle(List<Element> scripts) {
        for (Element script : scripts) {
            String data = script.data();
            if (!(data.contains("Article") || data.contains("BlogPosting") || data.contains("Report"))) {
                continue; // no article type in it: not worth parsing (breadcrumbs, organization, video)
            }
            try {
                JsonNode found = findArticle(Json.mapper().readTree(data));
                if (found != null) {
                    return found;
                }
            } catch (java.io.IOException e) {
                // malformed JSON-LD is common; the other sources still apply
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode f = findArticle(n);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        if (node.has("@graph")) {
            return findArticle(node.get("@graph"));
        }
        JsonNode type = node.get("@type");
        String t = type == null ? "" : type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText();
        return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report") ? node : null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
