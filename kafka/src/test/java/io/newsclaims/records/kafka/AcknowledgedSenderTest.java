package io.newsclaims.records.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Only acknowledged records are reported; those lost to an outage are sent again, within a bound. */
class AcknowledgedSenderTest {
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());
    private final AtomicInteger acknowledged = new AtomicInteger();

    private void send(AcknowledgedSender sender, String key) {
        sender.send(new ProducerRecord<>("t", key, new byte[] {1}), acknowledged::incrementAndGet);
    }

    @Test
    void recordsThatTimedOutAreSentAgainAndCountedOnlyOnceAcknowledged() throws Exception {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofSeconds(30));
        send(sender, "a");
        send(sender, "b");
        send(sender, "c");
        producer.errorNext(new TimeoutException("broker away past max.block.ms"));
        producer.errorNext(new TimeoutException("broker away past delivery.timeout.ms"));
        producer.completeNext();
        assertEquals(1, acknowledged.get(), "failed sends are not counted");
        sender.flush(); // MockProducer's flush acknowledges what is sent again
        assertEquals(3, acknowledged.get());
        assertEquals(5, producer.history().size());
    }

    @Test
    void theWaitIsBounded() {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofMillis(600));
        producer.sendException = new TimeoutException("still away");
        send(sender, "a");
        assertThrows(AcknowledgedSender.BrokerUnavailableException.class, sender::flush);
        assertEquals(0, acknowledged.get());
    }

    @Test
    void aRecordRefusedForGoodIsNotRetried() {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofSeconds(30));
        send(sender, "a");
        producer.errorNext(new RecordTooLargeException("too large"));
        KafkaException e = assertThrows(KafkaException.class, sender::flush);
        assertEquals(RecordTooLargeException.class, e.getCause().getClass());
        assertEquals(1, producer.history().size());
    }

    /**
     * A flush after the one that reported a refused record must not say that everything sent was acknowledged:
     * the distributed crawler commits its frontier offsets after a flush, and its last commit (the crawler
     * stopping because the first flush threw) committed the refused article's URL, lost, not dead-lettered.
     */
    @Test
    void aRecordRefusedForGoodFailsEveryLaterFlush() throws Exception {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofSeconds(30));
        send(sender, "a");
        producer.errorNext(new RecordTooLargeException("too large"));
        assertThrows(KafkaException.class, sender::flush);
        send(sender, "b");
        producer.completeNext();
        KafkaException again = assertThrows(KafkaException.class, sender::flush);
        assertEquals(RecordTooLargeException.class, again.getCause().getClass());
        assertEquals(1, acknowledged.get());
    }
    /** A record too large for the producer, sent with a refusal callback: told to the caller; the others go on. */
    @Test
    void aRecordRefusedAloneIsToldToItsCallbackAndTheOthersGoOn() throws Exception {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofSeconds(30));
        List<Exception> refused = new ArrayList<>();
        sender.send(new ProducerRecord<>("t", "huge", new byte[] {1}), acknowledged::incrementAndGet, refused::add);
        send(sender, "b");
        producer.errorNext(new RecordTooLargeException("The message is 9297491 bytes when serialized"));
        producer.completeNext();
        sender.flush();
        assertEquals(1, refused.size());
        assertEquals(RecordTooLargeException.class, refused.get(0).getClass());
        assertEquals(1, acknowledged.get());
        send(sender, "c");
        producer.completeNext();
        sender.flush(); // a later flush does not fail over the record told to its callback
        assertEquals(2, acknowledged.get());
    }

    /** A refusal that is not about the record alone (no permission) fails the flush even with a callback. */
    @Test
    void aRefusalOfEveryRecordStillFailsTheFlush() {
        AcknowledgedSender sender = new AcknowledgedSender(producer, Duration.ofSeconds(30));
        List<Exception> refused = new ArrayList<>();
        sender.send(new ProducerRecord<>("t", "a", new byte[] {1}), acknowledged::incrementAndGet, refused::add);
        producer.errorNext(new TopicAuthorizationException("not authorized to write to t"));
        assertThrows(KafkaException.class, sender::flush);
        assertEquals(List.of(), refused);
    }
}
