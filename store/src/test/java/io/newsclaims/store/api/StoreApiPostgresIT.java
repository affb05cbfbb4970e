package io.newsclaims.store.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.records.Json;
import io.newsclaims.store.Database;
import io.newsclaims.testkit.PostgresFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14, point 6: input PostgreSQL cannot take (NUL, timestamps past its range) is a 400, never a 500. */
class StoreApiPostgresIT {
    private static Database db;
    private static StoreApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
        api = StoreApi.start("127.0.0.1", 0, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/claims?provider=a%00b, 400",
            "/claims?period=2025%00, 400",
            "/claims?text=%00, 400",
            "/claims?source=x%00y, 400",
            "/claims?since=%2B294277-01-01T00:00:00Z, 400",
            "/claims?since=%2B10000-01-01T00:00:00Z, 400",
            "/claims?since=9999-12-31, 200",
            "/claims?since=0001-01-01, 200",
            "/claims?text=%E2%82%AC, 200"})
    void clientInputNeverMakesA500(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(Json.mapper().readTree(r.body()).isObject(), r.body());
    }
}
