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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The image builds from the modules it copies: every module of the root pom must be among them. */
    @Test
    void theImageCopiesEveryModule() throws IOException {
        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(Path.of("../pom.xml")));
        int modules = 0;
        while (module.find()) {
            modules++;
            assertTrue(dockerfile.contains("COPY " + module.group(1) + " " + module.group(1)),
                    "the Dockerfile does not copy module " + module.group(1));
        }
        assertTrue(modules >= 9, "modules read from the root pom: " + modules);
    }
}
