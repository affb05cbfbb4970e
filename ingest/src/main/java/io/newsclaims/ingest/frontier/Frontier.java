package io.newsclaims.ingest.frontier;

import io.newsclaims.ingest.source.Input;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Puts URLs on the frontier topic, keyed by host so that one host is always one partition. */
public final class Frontier {
    private final Producer<String, byte[]> producer;
    private final String topic;

    public Frontier(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** The partition key of a URL: its host, in lower case. */
    public static String hostKey(URI url) {
        return String.valueOf(url.getHost()).toLowerCase(Locale.ROOT);
    }

    /** Publishes the URL inputs; returns how many. Files are not published (they exist on one machine only). */
    public int publish(List<Input> inputs) {
        int n = 0;
        for (Input in : inputs) {
            if (in instanceof Input.Url u) {
                producer.send(new ProducerRecord<>(topic, hostKey(u.uri()), u.uri().toString().getBytes(StandardCharsets.UTF_8)));
                n++;
            }
        }
        producer.flush();
        return n;
    }
}
