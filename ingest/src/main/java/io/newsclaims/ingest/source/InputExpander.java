package io.newsclaims.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands command-line inputs: an http(s) URL stays a URL; a folder becomes its article files
 * (recursively, in name order); a text file whose every non-comment line is a URL is a URL list;
 * any other supported file is an article file.
 */
public final class InputExpander {
    private static final List<String> ARTICLE_SUFFIXES = List.of(".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt");

    private InputExpander() {
    }

    /**
     * @throws IllegalArgumentException naming the input when it is neither a URL nor an existing path
     */
    public static List<Input> expand(List<String> args) {
        List<Input> out = new ArrayList<>();
        for (String arg : args) {
            if (isHttpUrl(arg)) {
                out.add(new Input.Url(toUri(arg)));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                out.addAll(articleFilesIn(path));
            } else if (Files.isRegularFile(path) && SourcesFile.isSourcesFile(path)) {
                SourcesFile.read(path); // fail early on a bad file; feeds and sitemaps are read by the crawl
                out.add(new Input.File(path));
            } else if (Files.isRegularFile(path)) {
                List<URI> urls = urlList(path);
                if (urls.isEmpty()) {
                    out.add(new Input.File(path));
                } else {
                    urls.forEach(u -> out.add(new Input.Url(u)));
                }
            } else {
                throw new IllegalArgumentException("input '" + arg + "' is not an http(s) URL, a file or a folder");
            }
        }
        return out;
    }

    public static boolean isArticleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return ARTICLE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static List<Input> articleFilesIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(InputExpander::isArticleFile).sorted()
                    .<Input>map(Input.File::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list folder " + dir, e);
        }
    }

    /** The URLs of a URL-list file, or empty when the file is not one (any other line makes it an article). */
    static List<URI> urlList(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".txt") || name.endsWith(".urls") || name.endsWith(".list")) || sizeOf(file) > 16 << 20) {
            return List.of();
        }
        List<URI> urls = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (!isHttpUrl(s)) {
                    return List.of();
                }
                urls.add(toUri(s));
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return urls;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static boolean isHttpUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return (l.startsWith("http://") || l.startsWith("https://")) && s.chars().noneMatch(Character::isWhitespace);
    }

    private static URI toUri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid URL: " + e.getMessage(), e);
        }
    }
}
