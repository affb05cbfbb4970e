package io.newsclaims.ingest.frontier;

import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.SourceReader;
import io.newsclaims.records.kafka.AcknowledgedSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Puts URLs on the frontier topic, keyed by {@link HostKey} so that one host is always one
 * partition, hence one crawler at a time. A record says what its URL is in its
 * {@value #KIND_HEADER} header: a {@linkplain Kind#PAGE page} to fetch, or a
 * {@linkplain Kind#SOURCE source} (feed, sitemap) or {@linkplain Kind#SITE site's home page} that
 * the crawler owning its host reads, publishing the article URLs it lists back to the frontier.
 * Records without the header (written by earlier versions) are pages.
 */
public final class Frontier {
    /**
     * Partitions of the frontier topic by default: the unit a crawler instance takes, so enough of
     * them that hosts spread evenly over a few instances (24 divides evenly among 1, 2, 3, 4, 6, 8, 12
     * or 24 instances; hosts hash onto partitions, so with few hosts some partitions hold none).
     */
    public static final int DEFAULT_PARTITIONS = 24;

    /** Record header naming the {@link Kind} of the URL (its {@link Kind#id()}); absent: a page. */
    public static final String KIND_HEADER = "newsclaims.kind";

    /**
     * Record header present ({@code "true"}) when the record's writer had an answer from the URL's
     * host just before writing it (it read the host's feed itself, without owning the host): the
     * crawler owning the host waits a full spacing after the record's timestamp before asking it.
     * Records without a {@link #KIND_HEADER} (earlier versions) are taken to have it.
     */
    public static final String ASKED_HOST_HEADER = "newsclaims.asked-host";

    /** What a frontier URL is. */
    public enum Kind {
        /** A page to fetch (an article, or a listing page whose links are followed). */
        PAGE("page"),
        /** A feed or sitemap (index): read by the host's crawler, its article URLs published as pages. */
        SOURCE("source"),
        /** A site's home page: the feeds it announces are read; a page when it announces none. */
        SITE("site");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The header value. */
        public String id() {
            return id;
        }

        /** The kind a record's headers give, {@link #PAGE} without the header or with an unknown value. */
        public static Kind of(Headers headers) {
            Header h = headers == null ? null : headers.lastHeader(KIND_HEADER);
            if (h == null || h.value() == null) {
                return PAGE;
            }
            String v = new String(h.value(), StandardCharsets.UTF_8);
            for (Kind k : values()) {
                if (k.id.equals(v)) {
                    return k;
                }
            }
            return PAGE; // a kind of a later version: fetched as a page, as an earlier version would
        }
    }

    /** Whether the record's writer had just asked its host ({@link #ASKED_HOST_HEADER}, or a record without a kind). */
    public static boolean writerAskedHost(Headers headers) {
        return headers == null || headers.lastHeader(KIND_HEADER) == null || headers.lastHeader(ASKED_HOST_HEADER) != null;
    }

    private final AcknowledgedSender sender;
    private final Producer<String, byte[]> producer;
    private final String topic;

    public Frontier(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.sender = new AcknowledgedSender(producer, AcknowledgedSender.DEFAULT_MAX_OUTAGE);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /**
     * Publishes an input given to the crawl: a site's home page as {@link Kind#SITE}, a URL that looks
     * like a feed or sitemap as {@link Kind#SOURCE}, any other URL as a {@link Kind#PAGE}, for the
     * crawler owning its host to read or fetch. Files are not published (they exist on one machine
     * only). Returns whether it was.
     */
    public boolean publish(Input in) {
        if (in instanceof Input.Url u) {
            Kind kind = SourceReader.isSiteRoot(u.uri()) ? Kind.SITE
                    : SourceReader.looksLikeSource(u.uri()) ? Kind.SOURCE : Kind.PAGE;
            return send(u.uri(), kind, false);
        }
        return false;
    }

    /**
     * Publishes a page found by reading a source ({@code writerAskedHost}: read here although another
     * crawler may own the page's host). Files are not published; returns whether it was.
     */
    public boolean publishPage(Input page, boolean writerAskedHost) {
        return page instanceof Input.Url u && send(u.uri(), Kind.PAGE, writerAskedHost);
    }

    /** Publishes a feed or sitemap for the crawler owning its host to read; returns whether it was. */
    public boolean publishSource(URI source) {
        return send(source, Kind.SOURCE, false);
    }

    private boolean send(URI url, Kind kind, boolean writerAskedHost) {
        HostKey host = HostKey.ofOrNull(url);
        if (host == null) {
            return false;
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, host.value(),
                url.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(KIND_HEADER, kind.id().getBytes(StandardCharsets.UTF_8));
        if (writerAskedHost) {
            record.headers().add(ASKED_HOST_HEADER, TRUE);
        }
        sender.send(record, () -> { });
        return true;
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);

    /** Reads where the topic's partitions are, so that the first URL published is not held waiting for it. */
    public void prepare() {
        producer.partitionsFor(topic);
    }

    /**
     * Waits until the broker has every URL published so far (sending again those that failed while
     * it was unreachable, for a bounded time).
     *
     * @throws org.apache.kafka.common.KafkaException when the broker refused a record or stayed away too long
     */
    public void flush() throws InterruptedException {
        sender.flush();
    }

    /**
     * Grows the frontier topic to at least {@code partitions} (a topic created with the pipeline's
     * default of fewer). Done before any URL is published, no host changes partition under a crawler.
     */
    public static void ensurePartitions(Admin admin, String topic, int partitions) {
        try {
            if (partitionsOf(admin, topic) < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sizing the frontier topic " + topic, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidPartitionsException && grownByAnother(admin, topic, partitions)) {
                return; // another instance grew it at the same time
            }
            throw new IllegalStateException("cannot give the frontier topic " + topic + " " + partitions + " partitions: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static int partitionsOf(Admin admin, String topic) throws InterruptedException, ExecutionException {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return d.partitions().size();
    }

    private static boolean grownByAnother(Admin admin, String topic, int partitions) {
        try {
            return partitionsOf(admin, topic) >= partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
