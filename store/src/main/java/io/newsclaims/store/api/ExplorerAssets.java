package io.newsclaims.store.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The claims explorer's files, served from the jar: its page at {@code /}, its script and style
 * under {@code /explorer/}, and the uPlot chart library from its WebJar (no CDN, no Node
 * toolchain). Each file is read once, at start.
 */
final class ExplorerAssets {
    /**
     * Only the page's own files may run or style it; data comes from this server only; nothing
     * may frame it or take a form elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String OWN = "/io/newsclaims/store/explorer/";

    /** A file to serve. */
    record Asset(String contentType, byte[] body) {
    }

    private final Map<String, Asset> byPath;

    ExplorerAssets() {
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/dist/";
        byPath = Map.of(
                "/", read(OWN + "index.html", "text/html; charset=utf-8"),
                "/explorer/app.js", read(OWN + "app.js", "text/javascript; charset=utf-8"),
                "/explorer/app.css", read(OWN + "app.css", "text/css; charset=utf-8"),
                "/explorer/favicon.svg", read(OWN + "favicon.svg", "image/svg+xml"),
                "/explorer/uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "/explorer/uPlot.min.css", read(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    /** The file at a request path, if there is one. */
    Optional<Asset> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static String webJarVersion(String name) {
        Properties p = new Properties();
        try (InputStream in = stream("/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + " WebJar's version", e);
        }
        return p.getProperty("version");
    }

    private static Asset read(String resource, String contentType) {
        try (InputStream in = stream(resource)) {
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = ExplorerAssets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath (is the uplot WebJar a dependency?)");
        }
        return in;
    }
}
