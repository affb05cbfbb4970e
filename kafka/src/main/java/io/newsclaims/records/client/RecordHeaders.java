package io.newsclaims.records.client;

import io.newsclaims.records.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The headers newsclaims puts on the records it publishes. Values are UTF-8 text.
 *
 * <ul>
 *   <li>{@value #SCHEMA_VERSION}: the value's schema version ("2"), the same as its {@code schemaVersion}
 *       field, so a consumer can pick a reader (or skip a record) without parsing the value;</li>
 *   <li>{@value #ARTICLE_ID}: on claims, the id of the article the claim was read from (its
 *       {@code articleId} field), to gather or filter an article's claims without parsing.</li>
 * </ul>
 */
public final class RecordHeaders {
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String ARTICLE_ID = "articleId";

    private RecordHeaders() {
    }

    public static Header schemaVersion(int version) {
        return text(SCHEMA_VERSION, Integer.toString(version));
    }

    public static Header articleId(String articleId) {
        return text(ARTICLE_ID, articleId);
    }

    /**
     * The schema version a record's header declares, or empty when it has none (records written
     * before the header existed: read the {@code schemaVersion} field).
     *
     * @throws MalformedRecordException when the header is not a positive number
     */
    public static OptionalInt schemaVersion(Headers headers) {
        Header h = headers.lastHeader(SCHEMA_VERSION);
        if (h == null || h.value() == null) {
            return OptionalInt.empty();
        }
        String text = new String(h.value(), StandardCharsets.UTF_8);
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return OptionalInt.of(version);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedRecordException("header " + SCHEMA_VERSION + " must be a positive number, got '" + text + "'", null);
    }

    /** The value of a text header, or null when the record does not have it. */
    public static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Header text(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
