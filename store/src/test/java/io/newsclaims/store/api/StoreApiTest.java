package io.newsclaims.store.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoredClaim;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint of the API on a real SQLite store, served on 127.0.0.1. */
class StoreApiTest {
    @TempDir
    Path dir;

    private Database db;
    private StoreApi api;
    private final AtomicBoolean kafkaUp = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private Article article;

    @BeforeEach
    void start() throws Exception {
        db = Database.open("jdbc:sqlite:" + dir.resolve("api.db"), null, null);
        article = Article.of("https://news.example/a", "Alibaba leads", null, null, Instant.parse("2025-09-02T00:00:00Z"),
                Instant.EPOCH, "en", "Alibaba Cloud held a 35.8% market share.");
        List<StoredClaim> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(new BigDecimal("35.8")), null, "35.8%", 21 + i, 26 + i, null);
            Claim c = new Claim(1, Ids.claimId(article.id(), 21 + i, 26 + i), article.id(), article.url(),
                    i < 4 ? "alibaba-cloud" : "aws", i < 4 ? "Alibaba Cloud" : "Amazon Web Services", Metric.MARKET_SHARE, v,
                    "2025-H1", "Omdia", article.text());
            claims.add(new StoredClaim(c, Json.write(c)));
        }
        new ClaimRepository(db).write(List.of(article), claims);
        api = StoreApi.start("127.0.0.1", 0, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), kafkaUp::get);
    }

    @AfterEach
    void stop() {
        api.close();
        db.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.mapper().readTree(r.body());
    }

    @Test
    void claimsAreFilteredAndPaged() throws Exception {
        JsonNode page = json("/claims?provider=alibaba-cloud&metric=market_share&limit=3", 200);
        assertEquals(3, page.get("claims").size());
        assertEquals(3, page.get("next").asInt());
        JsonNode rest = json("/claims?provider=alibaba-cloud&limit=3&offset=3", 200);
        assertEquals(1, rest.get("claims").size());
        assertTrue(rest.get("next").isNull());
        assertEquals("35.8%", rest.get("claims").get(0).get("text").asText());
        assertEquals(0, json("/claims?since=2025-10-01", 200).get("claims").size());
        assertEquals(5, json("/claims?source=news.example&text=market%20share", 200).get("claims").size());
    }

    @Test
    void factsProvidersAndArticles() throws Exception {
        JsonNode facts = json("/facts?provider=alibaba-cloud", 200).get("facts");
        assertEquals(1, facts.size());
        assertEquals(4, facts.get(0).get("claims").asInt());
        JsonNode providers = json("/providers", 200).get("providers");
        assertEquals("alibaba-cloud", providers.get(0).get("id").asText());
        assertEquals(4, providers.get(0).get("claims").asInt());
        JsonNode a = json("/articles/" + article.id(), 200);
        assertEquals("Alibaba leads", a.get("title").asText());
        json("/articles/" + "0".repeat(32), 404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/claims?metric=profit, metric must be one of",
            "/claims?limit=0, limit must be between 1 and 1000",
            "/claims?limit=abc, limit must be a whole number",
            "/claims?offset=-1, offset must be between",
            "/claims?since=yesterday, since must be a date",
            "/claims?min_confidence=1.5, min_confidence must be between 0 and 1",
            "/claims?min_confidence=high, min_confidence must be a number",
            "/claims?provider=x%27%20OR%201=1--&nope=1, unknown parameter 'nope'",
            "/facts?conflicts=maybe, conflicts must be true or false",
            "/articles/not-an-id, an article id is 32 lower-case hex digits"})
    void badParametersAreRefusedWithTheReason(String pathAndQuery, String reason) throws Exception {
        JsonNode error = json(pathAndQuery, 400);
        assertTrue(error.get("error").asText().contains(reason), error.toString());
    }

    @Test
    void sqlInParametersIsJustText() throws Exception {
        assertEquals(0, json("/claims?text=x%27%20OR%201=1--", 200).get("claims").size());
        assertTrue(json("/claims?provider=x%27%20OR%201=1--", 400).get("error").asText().contains("no provider"));
        assertEquals(5, json("/claims", 200).get("claims").size());
    }

    @Test
    void aProviderIsNamedByIdOrNameInAnyCase() throws Exception {
        for (String named : List.of("alibaba-cloud", "Alibaba-Cloud", "ALIBABA%20CLOUD", "alibaba_cloud")) {
            assertEquals(4, json("/claims?provider=" + named, 200).get("claims").size(), named);
            assertEquals(1, json("/facts?provider=" + named, 200).get("facts").size(), named);
        }
        String error = json("/claims?provider=alibab", 400).get("error").asText();
        assertTrue(error.contains("no provider 'alibab'") && error.contains("alibaba-cloud"), error);
        assertEquals(1, json("/claims?provider=Amazon%20Web%20Services", 200).get("claims").size());
        assertEquals(0, json("/claims?provider=none", 200).get("claims").size()); // market-level: none here
    }

    @Test
    void healthReportsTheDatabaseAndKafka() throws Exception {
        JsonNode up = json("/health", 200);
        assertEquals("up", up.get("status").asText());
        assertEquals("up", up.get("database").asText());
        kafkaUp.set(false);
        JsonNode down = json("/health", 503);
        assertEquals("down", down.get("kafka").asText());
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        json("/providers", 200);
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("newsclaims_api_requests_seconds_count{endpoint=\"/providers\",status=\"200\"}"), r.body());
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/claims"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals(404, get("/nothing").statusCode());
    }
}
