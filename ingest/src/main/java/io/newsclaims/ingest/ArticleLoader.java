package io.newsclaims.ingest;

import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.clean.CleanedPage;
import io.newsclaims.ingest.clean.ScriptLanguage;
import io.newsclaims.ingest.fetch.FetchedPage;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.fetch.UrlCanonicalizer;
import io.newsclaims.ingest.fetch.Validators;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.records.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Turns one {@link Input} into an {@link Article}: fetches or reads it, cleans HTML into main text,
 * and names the article by its canonical URL. A {@code .txt} file is taken as article text as it is.
 */
public final class ArticleLoader {
    private final PageFetcher fetcher;
    private final ArticleCleaner cleaner;
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
    private final Clock clock;
    private final long maxFileBytes;

    public ArticleLoader(PageFetcher fetcher, ArticleCleaner cleaner, Clock clock, long maxFileBytes) {
        this.fetcher = fetcher;
        this.cleaner = cleaner;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    /** The fetcher this loader reads URLs with. */
    public PageFetcher fetcher() {
        return fetcher;
    }

    /** An article and the validators to send the next time its input is fetched. */
    public record Loaded(Article article, Validators validators) {
    }

    public Article load(Input input) throws SkippedInputException, InterruptedException {
        return load(input, Validators.NONE).article();
    }

    /** Loads an input; a URL is fetched conditionally on the validators of its last fetch. */
    public Loaded load(Input input, Validators previous) throws SkippedInputException, InterruptedException {
        if (input instanceof Input.Url u) {
            FetchedPage page = fetcher.fetch(u.uri(), previous);
            return new Loaded(fromPage(page), page.validators());
        }
        return new Loaded(fromFile(((Input.File) input).path()), Validators.NONE);
    }

    Article fromPage(FetchedPage page) throws SkippedInputException {
        return fromHtml(page.body(), page.headerCharset(), page.finalUrl().toString(), page.fetchedAt());
    }

    /**
     * Reads a local file: HTML (optionally gzipped) is cleaned, text is taken as it is; a binary
     * file (an image, an executable) is refused as {@code binary_content}, as a binary HTTP body is.
     */
    public Article fromFile(Path path) throws SkippedInputException {
        byte[] bytes = readFile(path);
        if (PageFetcher.looksBinary(bytes)) {
            throw new SkippedInputException(SkipReason.BINARY_CONTENT, path.toString(),
                    "the file is binary (a NUL byte in its first 4 KiB), not HTML or text");
        }
        String url = path.toAbsolutePath().normalize().toUri().toString();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return fromText(new String(bytes, StandardCharsets.UTF_8), url);
        }
        return fromHtml(bytes, null, url, clock.instant());
    }

    /** Cleans an HTML page into an article named by its canonical URL. */
    public Article fromHtml(byte[] html, String headerCharset, String url, Instant fetchedAt)
            throws SkippedInputException {
        CleanedPage page = cleaner.clean(html, headerCharset, url);
        if (isListing(page, url)) {
            throw new ListingPageException(url, page.links());
        }
        if (page.text().isBlank()) {
            throw new SkippedInputException(SkipReason.NO_TEXT, url, "no main text found in the page");
        }
        String canonical = canonicalizer.canonicalize(page.canonicalUrl() != null ? page.canonicalUrl() : url);
        return Article.of(canonical, page.title(), page.byline(), page.siteName(), page.publishedAt(), fetchedAt,
                page.language(), page.text());
    }

    /** Pages with this many links to their own site and little text, or a section-like path, list articles. */
    static final int LISTING_MIN_LINKS = 10;
    private static final int LISTING_MAX_TEXT = 500;

    /**
     * A section front, tag page or search result: not declared an article, with many links to its
     * own site, and either little main text or a section-like path ("/", "/tag/...", "/search").
     */
    public static boolean isListing(CleanedPage page, String url) {
        if (page.declaredArticle() || page.links().size() < LISTING_MIN_LINKS) {
            return false;
        }
        String path;
        String query;
        try {
            java.net.URI u = java.net.URI.create(url);
            path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
            query = u.getQuery() == null ? "" : u.getQuery().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean sectionPath = path.isEmpty() || path.equals("/") || path.contains("/tag/") || path.contains("/tags/")
                || path.contains("/category/") || path.contains("/topic/") || path.contains("/topics/")
                || path.contains("/section/") || path.startsWith("/search") || query.startsWith("q=") || query.startsWith("s=");
        return sectionPath || page.text().length() < LISTING_MAX_TEXT;
    }

    /**
     * Plain article text, taken as it is; the title is its first line when that line is short, the
     * language the one its script names (Chinese text is "zh"), else unknown.
     */
    public Article fromText(String text, String url) throws SkippedInputException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new SkippedInputException(SkipReason.NO_TEXT, url, "the file is empty");
        }
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        String title = firstLine.length() <= 200 ? firstLine : null;
        return Article.of(url, title, null, null, null, clock.instant(), ScriptLanguage.ofText(body), body);
    }

    private byte[] readFile(Path path) throws SkippedInputException {
        try {
            boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            try (InputStream raw = Files.newInputStream(path); InputStream in = gz ? new GZIPInputStream(raw) : raw) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
                if (bytes.length > maxFileBytes) {
                    throw new SkippedInputException(SkipReason.TOO_LARGE, path.toString(),
                            "file exceeds the limit of " + maxFileBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SkippedInputException(SkipReason.UNREADABLE_FILE, path.toString(), e.toString(), e);
        }
    }
}
