package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What docker-compose.yml and the Dockerfile must say for an operator (issue 15); CI also validates
 * the compose file with {@code docker-compose config -q}, which cannot check these.
 */
class DeploymentFilesTest {
    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("../docker-compose.yml").toFile()).path("services");
    }

    @Test
    void kafkaWritesItsLogToTheMountedVolume() throws IOException {
        JsonNode kafka = compose().path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertEquals("/var/lib/kafka/data", logDirs);
        boolean mounted = false;
        for (JsonNode v : kafka.path("volumes")) {
            mounted |= v.asText().endsWith(":" + logDirs);
        }
        assertTrue(mounted, "no volume at " + logDirs);
    }

    @Test
    void everyServiceHasAMemoryLimitAndEveryLongLivedOneAHealthcheck() throws IOException {
        JsonNode services = compose();
        assertTrue(services.has("serve"), "no serve service");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            assertTrue(s.getValue().hasNonNull("mem_limit"), s.getKey() + " has no mem_limit");
            if (!s.getValue().has("profiles")) { // one-off tools are not health-checked
                assertTrue(s.getValue().has("healthcheck"), s.getKey() + " has no healthcheck");
            }
        }
    }

    @Test
    void theImagesDataDirBelongsToItsUser() throws IOException {
        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        assertTrue(dockerfile.contains("ENV NEWSCLAIMS_DATA_DIR=/app/data"), dockerfile);
        assertTrue(dockerfile.contains("chown newsclaims:newsclaims /app/data"), dockerfile);
        assertTrue(dockerfile.indexOf("chown newsclaims:newsclaims /app/data") < dockerfile.indexOf("USER newsclaims"), dockerfile);
    }
}
