package io.newsclaims.records;

import java.io.InputStream;
import java.util.Locale;

/**
 * The kinds of record the pipeline publishes, each with its current schema version and its
 * JSON Schemas (draft 2020-12), one per version, shipped in this jar under {@value #SCHEMA_DIR}
 * ({@code claim.v1.json}, {@code claim.v2.json}, ...).
 */
public enum RecordType {
    ARTICLE(Article.class, Article.SCHEMA_VERSION),
    CLAIM(Claim.class, Claim.SCHEMA_VERSION),
    DEAD_LETTER(DeadLetter.class, DeadLetter.SCHEMA_VERSION),
    ARTICLE_SUMMARY(ArticleSummary.class, ArticleSummary.SCHEMA_VERSION);

    /** Classpath folder of the schemas (also {@code records/src/main/resources/newsclaims/schemas} in the repository). */
    public static final String SCHEMA_DIR = "/newsclaims/schemas/";

    private final Class<?> javaType;
    private final int currentVersion;

    RecordType(Class<?> javaType, int currentVersion) {
        this.javaType = javaType;
        this.currentVersion = currentVersion;
    }

    /** The Java record this type is read into. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The version this build writes; every version from 1 to it has a schema. */
    public int currentVersion() {
        return currentVersion;
    }

    /** "claim", "article", "deadletter", "articlesummary": the stem of the schema file names. */
    public String id() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Classpath name of the schema of {@code version}, e.g. {@code /newsclaims/schemas/claim.v2.json}. */
    public String schemaResource(int version) {
        if (version < 1 || version > currentVersion) {
            throw new IllegalArgumentException(id() + " has schema versions 1 to " + currentVersion + ", not " + version);
        }
        return SCHEMA_DIR + id() + ".v" + version + ".json";
    }

    /** The schema of {@code version}, as JSON; the caller closes the stream. */
    public InputStream openSchema(int version) {
        String name = schemaResource(version);
        InputStream in = RecordType.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("schema " + name + " is missing from the classpath");
        }
        return in;
    }
}
