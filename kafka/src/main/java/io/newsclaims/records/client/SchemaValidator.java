package io.newsclaims.records.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.newsclaims.records.Json;
import io.newsclaims.records.MalformedRecordException;
import io.newsclaims.records.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks record JSON against the JSON Schema of its type and version shipped in this jar, with
 * {@code date-time} and other formats asserted. Needs {@code com.networknt:json-schema-validator}
 * 2.0.x on the classpath (an optional dependency of this artifact: add it to use this class).
 * Thread-safe; schemas are loaded once.
 */
public final class SchemaValidator {
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The violations of {@code json} against the schema of {@code type} version {@code version}; empty when valid. */
    public List<String> validate(RecordType type, int version, JsonNode json) {
        return schema(type, version).validate(json).stream().map(Error::toString).toList();
    }

    /**
     * The violations of a record's JSON against the schema of the version its {@code schemaVersion}
     * field names (1 when it has none, as in dead letters written before the field existed).
     *
     * @throws MalformedRecordException when the bytes are not JSON, or name a version without a schema
     */
    public List<String> validate(RecordType type, byte[] json) {
        JsonNode node = Json.read(json, JsonNode.class);
        int version = node.path("schemaVersion").asInt(1);
        if (version < 1 || version > type.currentVersion()) {
            throw new MalformedRecordException(type.id() + " schema version " + version + " has no schema here (1 to "
                    + type.currentVersion() + ")", null);
        }
        return validate(type, version, node);
    }

    private Schema schema(RecordType type, int version) {
        return schemas.computeIfAbsent(type.schemaResource(version), name -> {
            try (InputStream in = type.openSchema(version)) {
                return registry.getSchema(Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + name, e);
            }
        });
    }
}
