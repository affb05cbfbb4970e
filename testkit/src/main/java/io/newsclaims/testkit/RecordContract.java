package io.newsclaims.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import io.newsclaims.records.RecordType;
import io.newsclaims.records.client.RecordHeaders;
import io.newsclaims.records.client.SchemaValidator;
import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Asserts that a record the pipeline published keeps the contract of docs/schema.md: its value is
 * valid against the JSON Schema of its type and version, its {@code schemaVersion} header equals
 * the field, and it is keyed as documented (article and claim by id, a dead letter by the
 * original key; a claim's {@code articleId} header is its article's id).
 */
public final class RecordContract {
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    private RecordContract() {
    }

    /** Checks every record; returns how many were checked. */
    public static int assertValid(RecordType type, List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(r -> assertValid(type, r));
        return records.size();
    }

    public static void assertValid(RecordType type, ConsumerRecord<String, byte[]> r) {
        String where = type.id() + " at " + r.topic() + "-" + r.partition() + "@" + r.offset();
        assertNotNull(r.value(), where + ": the pipeline writes no tombstones");
        JsonNode json = Json.read(r.value(), JsonNode.class);
        int version = json.path("schemaVersion").asInt();
        assertEquals(OptionalInt.of(version), RecordHeaders.schemaVersion(r.headers()), where + ": schemaVersion header");
        assertEquals(List.of(), VALIDATOR.validate(type, version, json), where + ": " + json);
        switch (type) {
            case ARTICLE -> assertEquals(json.path("id").asText(), r.key(), where + ": key");
            case CLAIM -> {
                assertEquals(json.path("id").asText(), r.key(), where + ": key");
                assertEquals(json.path("articleId").asText(), RecordHeaders.text(r.headers(), RecordHeaders.ARTICLE_ID),
                        where + ": articleId header");
            }
            case DEAD_LETTER -> assertEquals(json.path("key").isNull() ? null : json.path("key").asText(), r.key(), where + ": key");
        }
    }
}
