package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured command fails at once, naming the cause (issue 15). */
class OperatorFailFastTest {
    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    }

    @Test
    void aRefusedBrokerFailsAtOnceNamingTheCause() throws IOException {
        String servers = "127.0.0.1:" + closedPort();
        Cli.Result[] r = new Cli.Result[1];
        long s = seconds(() -> r[0] = Cli.execute("crawl", "--bootstrap-servers", servers, "../examples"));
        assertEquals(ExitCodes.FAILED, r[0].rc());
        assertTrue(s < 5, s + " s");
        assertTrue(r[0].err().contains("cannot reach Kafka at " + servers) && r[0].err().contains("refused"), r[0].err());
        assertFalse(r[0].err().contains(": null"), r[0].err());
    }

    @Test
    void anUnknownBrokerHostFailsAtOnce() {
        Cli.Result r = Cli.execute("extractor", "--bootstrap-servers", "no-such-host.invalid:9092");
        assertEquals(ExitCodes.FAILED, r.rc());
        assertTrue(r.err().contains("unknown host"), r.err());
    }

    @Test
    void aRefusedDatabaseFailsAtOnceNamingTheCause() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/newsclaims";
        Cli.Result[] r = new Cli.Result[1];
        long s = seconds(() -> r[0] = Cli.execute("query", "--jdbc-url", url, "--db-user", "postgres"));
        assertEquals(ExitCodes.FAILED, r[0].rc());
        assertTrue(s < 5, s + " s");
        assertTrue(r[0].err().contains("refused"), r[0].err());
    }

    @Test
    void runRejectsABadJdbcUrlBeforeStartingABroker() {
        Path data = dir.resolve("data");
        Cli.Result r = Cli.execute("run", "--jdbc-url", "garbage", "--data-dir", data.toString(), "../examples");
        assertEquals(ExitCodes.FAILED, r.rc());
        assertTrue(r.err().contains("unsupported JDBC URL 'garbage'"), r.err());
        assertFalse(Files.exists(data.resolve("kafka")), "a broker was started");
    }
}
