package io.newsclaims.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: a {@code postgres} container where Docker runs, else the local
 * server ({@code NEWSCLAIMS_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * user {@code postgres}). Each call of {@link #freshDatabase()} creates an empty database, so test
 * classes never see each other's rows.
 */
public final class PostgresFixture {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static Server server;
    private static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Connection details of one test database. */
    public record Db(String jdbcUrl, String user, String password) {
    }

    private record Server(String adminUrl, String user, String password) {
    }

    private PostgresFixture() {
    }

    /**
     * A new, empty database. Without a reachable server the calling test is skipped, or fails
     * under {@code CI=true}.
     */
    public static Db freshDatabase() {
        Server s = server();
        String name = "nc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        int slash = s.adminUrl().lastIndexOf('/');
        int q = s.adminUrl().indexOf('?', slash);
        String url = s.adminUrl().substring(0, slash + 1) + name + (q >= 0 ? s.adminUrl().substring(q) : "");
        return new Db(url, s.user(), s.password());
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        if (Environment.dockerAvailable()) {
            @SuppressWarnings("resource") // lives as long as the test JVM
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16-alpine");
            pg.start();
            server = new Server(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
            return server;
        }
        String url = env("NEWSCLAIMS_TEST_PG_URL", DEFAULT_URL);
        String user = env("NEWSCLAIMS_TEST_PG_USER", "postgres");
        String password = env("NEWSCLAIMS_TEST_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            server = new Server(url, user, password);
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresFixture::dropCreated, "drop-test-databases"));
            return server;
        } catch (SQLException e) {
            String why = "no Docker engine and no PostgreSQL at " + url + " (" + e.getMessage()
                    + "); start it (`pg_ctlcluster 15 main start`) or set NEWSCLAIMS_TEST_PG_URL";
            if (Environment.ci()) {
                Assertions.fail("CI=true: integration tests must not skip: " + why);
            }
            Assumptions.abort(why);
            throw new AssertionError("unreachable");
        }
    }

    /** Drops this JVM's test databases from the local server, so repeated runs leave nothing behind. */
    private static void dropCreated() {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement st = c.createStatement()) {
            for (String name : CREATED) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
