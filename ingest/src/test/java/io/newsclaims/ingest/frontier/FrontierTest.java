package io.newsclaims.ingest.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.ingest.source.Input;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class FrontierTest {
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final Frontier frontier = new Frontier(producer, "frontier");

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null
                : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void inputsGoOnTheFrontierAsSourcesOrPagesKeyedByHost() throws InterruptedException {
        assertTrue(frontier.publish(new Input.Url(URI.create("https://News.Example/rss.xml"))));
        assertTrue(frontier.publish(new Input.Url(URI.create("https://news.example/"))));
        assertTrue(frontier.publish(new Input.Url(URI.create("https://news.example/2025/09/cloud-market-share"))));
        assertFalse(frontier.publish(new Input.File(Path.of("page.html"))), "a local file stays local");
        assertTrue(frontier.publishPage(new Input.Url(URI.create("https://other.example/a")), true));
        assertTrue(frontier.publishSource(URI.create("https://feeds.example/news")));
        frontier.flush();
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertEquals(List.of("source", "site", "page", "page", "source"),
                sent.stream().map(r -> header(r, Frontier.KIND_HEADER)).toList());
        assertEquals(List.of("news.example", "news.example", "news.example", "other.example", "feeds.example"),
                sent.stream().map(ProducerRecord::key).toList());
        assertEquals(List.of(Frontier.Kind.SOURCE, Frontier.Kind.SITE, Frontier.Kind.PAGE, Frontier.Kind.PAGE,
                Frontier.Kind.SOURCE), sent.stream().map(r -> Frontier.Kind.of(r.headers())).toList());
        assertEquals(List.of(false, false, false, true, false),
                sent.stream().map(r -> Frontier.writerAskedHost(r.headers())).toList());
    }

    @Test
    void aRecordWithoutAKindIsAPageWrittenAfterAskingItsHost() {
        RecordHeaders none = new RecordHeaders();
        assertEquals(Frontier.Kind.PAGE, Frontier.Kind.of(none));
        assertTrue(Frontier.writerAskedHost(none), "as earlier versions wrote after reading the host's feed");
        RecordHeaders later = new RecordHeaders();
        later.add(Frontier.KIND_HEADER, "something-new".getBytes(StandardCharsets.UTF_8));
        assertEquals(Frontier.Kind.PAGE, Frontier.Kind.of(later));
    }
}
