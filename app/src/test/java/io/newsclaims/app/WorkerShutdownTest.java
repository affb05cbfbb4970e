package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker command stopped by SIGTERM closes what it opened before the JVM halts: before, the shutdown hook
 * returned once the worker thread ended, and the JVM halted while the command was still closing its database
 * and producers (the "stopped" progress line was missing after most stops).
 */
class WorkerShutdownTest {
    @TempDir
    Path tmp;

    @Test
    void aCommandStoppedBySigtermClosesItsResourcesBeforeTheJvmHalts() throws Exception {
        Path closed = tmp.resolve("closed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownChild.class.getName(), closed.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the child's log lines before it is ready
            }
            assertEquals("ready", line, "the child started its worker");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stopped");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(Files.exists(closed), "the command's resource was closed before the JVM halted");
    }
}
