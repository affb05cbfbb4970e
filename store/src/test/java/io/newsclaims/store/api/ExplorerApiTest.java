package io.newsclaims.store.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The explorer's files and JSON, served by the API on 127.0.0.1 (the page itself is tested in a browser: app's ExplorerBrowserIT). */
class ExplorerApiTest {
    @TempDir
    Path dir;
    private Database db;
    private StoreApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        db = Database.open("jdbc:sqlite:" + dir.resolve("api.db"), null, null);
        api = StoreApi.start("127.0.0.1", 0, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
    }

    @AfterEach
    void stop() {
        api.close();
        db.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/, text/html, <title>newsclaims explorer</title>", "/explorer/app.js, text/javascript, 'use strict'",
            "/explorer/app.css, text/css, prefers-color-scheme", "/explorer/uPlot.iife.min.js, text/javascript, uPlot",
            "/explorer/uPlot.min.css, text/css, .uplot", "/explorer/favicon.svg, image/svg+xml, <svg"})
    void theExplorersFilesComeFromTheJarWithAPolicyAllowingOnlyItsOwnScripts(String path, String type, String content)
            throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(type));
        assertTrue(r.body().contains(content));
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'none'; script-src 'self';") && !csp.contains("unsafe"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void thePageLoadsNothingFromElsewhere() throws Exception {
        String html = get("/").body();
        assertTrue(!html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"), html);
        assertTrue(!html.contains("<script>") && !html.contains("style="), "no inline script or style");
    }

    @Test
    void overviewAndSeriesAnswerOnAnEmptyStore() throws Exception {
        assertEquals("{\"providers\":[],\"markets\":[]}", get("/overview").body());
        HttpResponse<String> series = get("/series?metric=revenue");
        assertEquals(200, series.statusCode());
        assertTrue(series.body().contains("\"granularity\":\"year\""), series.body());
        assertEquals(400, get("/series?granularity=week").statusCode());
        assertEquals(400, get("/overview?x=1").statusCode());
    }
}
