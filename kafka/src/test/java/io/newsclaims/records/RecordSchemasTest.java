package io.newsclaims.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsclaims.records.client.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The JSON Schemas in the jar accept what the records write, and refuse what they must not. */
class RecordSchemasTest {
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyVersionHasADraft202012SchemaInTheJar(RecordType type) throws IOException {
        for (int v = 1; v <= type.currentVersion(); v++) {
            try (InputStream in = type.openSchema(v)) {
                JsonNode schema = Json.mapper().readTree(in);
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
                assertEquals("urn:newsclaims:schemas:" + type.id() + ".v" + v + ".json", schema.path("$id").asText());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> type.schemaResource(type.currentVersion() + 1));
    }

    @Test
    void recordsAsThePipelineWritesThemAreValid() {
        for (Object record : Samples.all()) {
            RecordType type = typeOf(record);
            assertEquals(List.of(), VALIDATOR.validate(type, Json.writeBytes(record)), () -> Json.write(record));
        }
    }

    @Test
    void theExamplesOfDocsSchemaMdAreValid() throws IOException {
        String doc = Files.readString(Path.of("../docs/schema.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)```json\\n(\\{\\s*\"schemaVersion\".*?)\\n```").matcher(doc);
        int checked = 0;
        while (m.find()) {
            JsonNode example = Json.mapper().readTree(m.group(1));
            RecordType type = example.has("providers") ? RecordType.ARTICLE_SUMMARY
                    : example.has("articleId") ? RecordType.CLAIM : RecordType.ARTICLE;
            assertEquals(List.of(), VALIDATOR.validate(type, example.path("schemaVersion").asInt(), example), m.group(1));
            checked++;
        }
        assertTrue(checked >= 4, "expected the Article, Claim and ArticleSummary examples, found " + checked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no id                     | /id                 | ",
        "confidence above 1        | /confidence         | 1.5",
        "unknown evidence          | /subjectEvidence    | \"nearest_name\"",
        "metric not in version 2   | /metric             | \"profit\"",
        "money without currency    | /value/currency     | ",
        "number, not a figure      | /value/number       | \"35.8\"",
        "three numbers             | /value/number       | [1, 2, 3]",
        "negative offset           | /value/start        | -1",
        "article id not an id      | /articleId          | \"poison\"",
    })
    void claimsThatBreakTheContractAreRefused(String why, String pointer, String json) {
        ObjectNode claim = (ObjectNode) Json.mapper().valueToTree(Samples.moneyClaim());
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) claim.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (json == null) {
            parent.remove(field);
        } else {
            parent.set(field, Json.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class));
        }
        assertFalse(VALIDATOR.validate(RecordType.CLAIM, 2, claim).isEmpty(), why);
    }

    @Test
    void instantsMustBeIso8601() {
        ObjectNode article = (ObjectNode) Json.mapper().valueToTree(Samples.article());
        article.put("fetchedAt", "26 Nov 2025");
        assertFalse(VALIDATOR.validate(RecordType.ARTICLE, 1, article).isEmpty());
    }

    @Test
    void aDeadLetterWithoutTheVersionFieldIsVersionOne() {
        ObjectNode letter = (ObjectNode) Json.mapper().valueToTree(Samples.deadLetter());
        letter.remove("schemaVersion");
        byte[] old = Json.writeBytes(letter);
        assertEquals(List.of(), VALIDATOR.validate(RecordType.DEAD_LETTER, old));
        assertEquals(1, Json.read(old, DeadLetter.class).schemaVersion());
    }

    @Test
    void aVersionWithoutASchemaIsReported() {
        ObjectNode claim = (ObjectNode) Json.mapper().valueToTree(Samples.claim());
        claim.put("schemaVersion", Claim.SCHEMA_VERSION + 1);
        assertThrows(MalformedRecordException.class, () -> VALIDATOR.validate(RecordType.CLAIM, Json.writeBytes(claim)));
    }

    static RecordType typeOf(Object record) {
        for (RecordType t : RecordType.values()) {
            if (t.javaType().isInstance(record)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a record type: " + record.getClass());
    }
}
