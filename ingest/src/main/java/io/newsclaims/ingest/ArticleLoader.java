package io.newsclaims.ingest;

import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.clean.CleanedPage;
import io.newsclaims.ingest.clean.ScriptLanguage;
import io.newsclaims.ingest.clean.TextSize;
import io.newsclaims.ingest.fetch.FetchedPage;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.fetch.UrlCanonicalizer;
import io.newsclaims.ingest.fetch.Validators;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.records.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** What an input turned out to be: an article, or a listing page whose links lead to articles. */
    public sealed interface Loaded {
    }

    /** An article and the validators to send the next time its input is fetched. */
    public record ArticlePage(Article article, Validators validators) implements Loaded {
    }

    /**
     * A section front, tag page or search result: not an article; its links to its own site are
     * worth following.
     */
    public record ListingPage(String url, List<String> links) implements Loaded {
        public ListingPage {
            links = List.copyOf(links);
        }
    }

    /** Loads an input as one article; a listing page is skipped as {@code listing}. */
    public Article load(Input input) throws SkippedInputException, InterruptedException {
        return article(load(input, Validators.NONE));
    }

    /** Loads an input; a URL is fetched conditionally on the validators of its last fetch. */
    public Loaded load(Input input, Validators previous) throws SkippedInputException, InterruptedException {
        if (input instanceof Input.Url u) {
            FetchedPage page = fetcher.fetch(u.uri(), previous);
            return read(page.body(), page.headerCharset(), page.finalUrl().toString(), page.fetchedAt(), page.validators());
        }
        return readFile(((Input.File) input).path());
    }

    /**
     * Reads a local file: HTML (optionally gzipped) is cleaned, text is taken as it is; a binary
     * file (an image, an executable) is refused as {@code binary_content}, as a binary HTTP body is.
     */
    public Article fromFile(Path path) throws SkippedInputException {
        return article(readFile(path));
    }

    private Loaded readFile(Path path) throws SkippedInputException {
        byte[] bytes = readBytes(path);
        if (PageFetcher.looksBinary(bytes)) {
            throw new SkippedInputException(SkipReason.BINARY_CONTENT, path.toString(),
                    "the file is binary (a NUL byte in its first 4 KiB), not HTML or text");
        }
        String url = path.toAbsolutePath().normalize().toUri().toString();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return new ArticlePage(fromText(new String(bytes, StandardCharsets.UTF_8), url), Validators.NONE);
        }
        return read(bytes, null, url, clock.instant(), Validators.NONE);
    }

    /** Cleans an HTML page into an article named by its canonical URL; a listing page is skipped as {@code listing}. */
    public Article fromHtml(byte[] html, String headerCharset, String url, Instant fetchedAt)
            throws SkippedInputException {
        return article(read(html, headerCharset, url, fetchedAt, Validators.NONE));
    }

    private static Article article(Loaded loaded) throws SkippedInputException {
        if (loaded instanceof ListingPage listing) {
            throw new SkippedInputException(SkipReason.LISTING, listing.url(), "a listing page with "
                    + listing.links().size() + " links to its site");
        }
        return ((ArticlePage) loaded).article();
    }

    /** Cleans an HTML page into an article named by its canonical URL, or a listing page. */
    private Loaded read(byte[] html, String headerCharset, String url, Instant fetchedAt, Validators validators)
            throws SkippedInputException {
        CleanedPage page = cleaner.clean(html, headerCharset, url);
        if (isListing(page, url)) {
            return new ListingPage(url, page.links());
        }
        if (page.text().isBlank()) {
            throw new SkippedInputException(SkipReason.NO_TEXT, url, "no main text found in the page");
        }
        String canonical = canonicalizer.canonicalize(page.canonicalUrl() != null ? page.canonicalUrl() : url);
        return new ArticlePage(Article.of(canonical, page.title(), page.byline(), page.siteName(), page.publishedAt(), fetchedAt,
                page.language(), page.text()), validators);
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
        return sectionPath || TextSize.length(page.text()) < LISTING_MAX_TEXT; // a Chinese brief is no listing
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

    private byte[] readBytes(Path path) throws SkippedInputException {
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
