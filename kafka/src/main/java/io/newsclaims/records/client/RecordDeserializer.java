package io.newsclaims.records.client;

import io.newsclaims.records.Json;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's JSON value into its Java record with the pipeline's own mapping (unknown
 * fields of newer schema versions are ignored). A null value, a tombstone, reads as null.
 * Bad JSON throws {@link io.newsclaims.records.MalformedRecordException}, which the consumer's
 * {@code poll} reports as a {@code RecordDeserializationException} naming the partition and offset.
 *
 * @param <T> the record type
 */
public abstract class RecordDeserializer<T> implements Deserializer<T> {
    private final Class<T> type;

    protected RecordDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : Json.read(data, type);
    }
}
