package io.newsclaims.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsclaims.records.client.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema policy of docs/schema.md, checked on the schema files: within a major version each
 * new version only adds optional fields (and values of the open enumerations), so a reader of an
 * older version reads every newer record, and a newer reader reads the older records.
 */
class SchemaCompatibilityTest {
    /** Enumerations a new version may extend (readers map an unknown value to other / none). */
    private static final Set<String> OPEN_ENUMS = Set.of("metric", "subjectEvidence");
    /** Keywords that describe and do not constrain: they may change between versions. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "$id");
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void eachNewVersionOnlyAddsOptionalFields(RecordType type) throws IOException {
        for (int v = 1; v <= type.currentVersion(); v++) {
            assertOpen(load(type, v), type.id() + ".v" + v);
        }
        for (int v = 2; v <= type.currentVersion(); v++) {
            JsonNode older = load(type, v - 1);
            JsonNode newer = load(type, v);
            String what = type.id() + ".v" + (v - 1) + " -> v" + v;
            assertEquals(older.get("required"), newer.get("required"), what + ": no field may become required");
            assertEquals(constraints(older.get("$defs")), constraints(newer.get("$defs")), what + ": $defs changed");
            for (Iterator<Map.Entry<String, JsonNode>> it = older.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode now = newer.get("properties").get(field.getKey());
                assertTrue(now != null, what + ": field " + field.getKey() + " was removed");
                assertSameOrWider(field.getKey(), constraints(field.getValue()), constraints(now), what);
            }
        }
    }

    @Test
    void claimVersionTwoAddedSubjectEvidenceAndConfidence() throws IOException {
        Set<String> v1 = fieldNames(load(RecordType.CLAIM, 1).get("properties"));
        Set<String> added = fieldNames(load(RecordType.CLAIM, 2).get("properties"));
        added.removeAll(v1);
        assertEquals(Set.of("subjectEvidence", "confidence"), added);
    }

    @Test
    void aVersionOneReaderReadsVersionTwoClaims() {
        for (Claim claim : List.of(Samples.claim(), Samples.moneyClaim())) {
            byte[] json = Json.writeBytes(claim);
            assertEquals(2, claim.schemaVersion());
            assertEquals(List.of(), VALIDATOR.validate(RecordType.CLAIM, 1, Json.read(json, JsonNode.class)));
            ClaimV1 old = Json.read(json, ClaimV1.class);
            assertEquals(new ClaimV1(2, claim.id(), claim.articleId(), claim.articleUrl(), claim.provider(), claim.providerName(),
                    claim.metric(), claim.value(), claim.period(), claim.attribution(), claim.sentence()), old);
        }
    }

    @Test
    void aVersionTwoReaderReadsVersionOneClaims() {
        ObjectNode written = (ObjectNode) Json.mapper().valueToTree(Samples.versionOneClaim());
        written.remove(List.of("subjectEvidence", "confidence")); // a version 1 writer did not know them
        assertEquals(List.of(), VALIDATOR.validate(RecordType.CLAIM, 2, written));
        Claim read = Json.read(Json.writeBytes(written), Claim.class);
        assertEquals(1, read.schemaVersion());
        assertNull(read.subjectEvidence());
        assertNull(read.confidence());
        assertEquals(Samples.versionOneClaim(), read);
    }

    @Test
    void unknownValuesOfTheOpenEnumerationsReadAsOtherAndNone() {
        ObjectNode newer = (ObjectNode) Json.mapper().valueToTree(Samples.claim());
        newer.put("metric", "profit_margin").put("subjectEvidence", "coreference").put("schemaVersion", 3).put("newField", true);
        Claim read = Json.read(Json.writeBytes(newer), Claim.class);
        assertEquals(Metric.OTHER, read.metric());
        assertEquals(SubjectEvidence.NONE, read.subjectEvidence());
        assertEquals(Samples.claim().value(), read.value());
    }

    /** Claim as a version 1 reader knew it. */
    record ClaimV1(int schemaVersion, String id, String articleId, String articleUrl, String provider, String providerName,
                   Metric metric, FigureValue value, String period, String attribution, String sentence) {
    }

    private static void assertSameOrWider(String field, JsonNode older, JsonNode newer, String what) {
        if (OPEN_ENUMS.contains(field) && older.has("enum")) {
            Set<JsonNode> values = new HashSet<>();
            newer.get("enum").forEach(values::add);
            older.get("enum").forEach(e -> assertTrue(values.contains(e), what + ": " + field + " lost the value " + e));
            ObjectNode o = older.deepCopy();
            ObjectNode n = newer.deepCopy();
            o.remove("enum");
            n.remove("enum");
            assertEquals(o, n, what + ": field " + field + " changed beyond its enumeration");
        } else {
            assertEquals(older, newer, what + ": field " + field + " changed");
        }
    }

    /** Readers ignore unknown fields, so no schema may forbid them. */
    private static void assertOpen(JsonNode node, String where) {
        if (node.isObject()) {
            assertNotEquals(Boolean.FALSE.toString(), node.path("additionalProperties").asText(), where + " forbids additional properties");
            assertNotEquals(Boolean.FALSE.toString(), node.path("unevaluatedProperties").asText(), where + " forbids unevaluated properties");
        }
        node.forEach(child -> assertOpen(child, where));
    }

    /** The schema without its annotations. */
    private static JsonNode constraints(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(ANNOTATIONS);
            o.fields().forEachRemaining(e -> stripEach(e.getKey().equals("properties") || e.getKey().equals("$defs"), e.getValue()));
        } else if (node instanceof ArrayNode a) {
            a.forEach(SchemaCompatibilityTest::strip);
        }
    }

    /** Strips the schemas of a name-to-schema map (whose keys, "title" among them, are field names). */
    private static void stripEach(boolean isMap, JsonNode node) {
        if (isMap) {
            node.forEach(SchemaCompatibilityTest::strip);
        } else {
            strip(node);
        }
    }

    private static Set<String> fieldNames(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode load(RecordType type, int version) throws IOException {
        try (InputStream in = type.openSchema(version)) {
            return Json.mapper().readTree(in);
        }
    }
}
