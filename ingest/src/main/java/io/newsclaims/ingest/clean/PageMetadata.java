package io.newsclaims.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    private PageMetadata(Document doc, Map<String, String> metas, JsonNode jsonLdArticle) {
        this.doc = doc;
        this.metas = metas;
        this.jsonLdArticle = jsonLdArticle;
    }

    static PageMetadata of(Document doc) {
        Map<String, String> metas = new HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            if (!m.hasAttr("content")) {
                continue;
            }
            String content = m.attr("content");
            for (String key : KEY_ATTRIBUTES) {
                String k = m.attr(key);
                if (!k.isEmpty()) {
                    metas.putIfAbsent(k.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return new PageMetadata(doc, metas, findJsonLdArticle(doc));
    }

    private static final String[] KEY_ATTRIBUTES = {"property", "name", "itemprop", "http-equiv"};

    String title() {
        String t = firstNonBlank(meta("og:title"), meta("twitter:title"), jsonLd("headline"));
        if (t == null) {
            Element h1 = doc.selectFirst("article h1, main h1, h1");
            t = h1 != null ? h1.text() : doc.title();
        }
        return blankToNull(t);
    }

    String byline() {
        String a = firstNonBlank(meta("author"), meta("article:author"), jsonLdAuthor());
        if (a == null) {
            Element e = doc.selectFirst("[rel=author], [itemprop=author], .byline, .author-name");
            a = e != null ? e.text() : null;
        }
        return blankToNull(a);
    }

    String siteName() {
        return blankToNull(firstNonBlank(meta("og:site_name"), meta("application-name")));
    }

    String language() {
        Element html = doc.selectFirst("html");
        String lang = firstNonBlank(html != null ? html.attr("lang") : null,
                meta("og:locale"), meta("content-language"), meta("language"));
        if (lang == null) {
            return null;
        }
        String code = lang.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return code.length() == 2 || code.length() == 3 ? code : null;
    }

    String canonicalUrl() {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String href = link != null ? link.absUrl("href") : null;
        if (href == null || href.isBlank()) {
            Element og = doc.selectFirst("meta[property=og:url][content]");
            href = og != null ? og.absUrl("content") : null;
        }
        return href == null || href.isBlank() || !href.startsWith("http") ? null : href;
    }

    Instant publishedAt() {
        String raw = firstNonBlank(meta("article:published_time"), jsonLd("datePublished"),
                meta("datePublished"), meta("date"), meta("pubdate"), meta("dc.date"),
                meta("DC.date.issued"));
        if (raw == null) {
            Element time = doc.selectFirst("article time[datetime], time[datetime]");
            raw = time != null ? time.attr("datetime") : null;
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
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Element a : doc.getElementsByTag("a")) {
            String href = a.attr("href").trim();
            if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")) {
                continue;
            }
            try {
                java.net.URI u = base.resolve(href);
                String scheme = u.getScheme();
                if (host.equalsIgnoreCase(u.getHost()) && ("http".equals(scheme) || "https".equals(scheme))) {
                    String s = u.toString();
                    int hash = s.indexOf('#');
                    out.add(hash >= 0 ? s.substring(0, hash) : s);
                }
            } catch (IllegalArgumentException ignored) {
                // not a link we can follow
            }
            if (out.size() >= 500) {
                break;
            }
        }
        return java.util.List.copyOf(out);
    }

    static Instant parseInstant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
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

    private static JsonNode findJsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(Json.mapper().readTree(script.data()));
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
