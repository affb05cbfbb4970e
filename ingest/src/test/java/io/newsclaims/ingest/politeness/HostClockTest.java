package io.newsclaims.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HostClockTest {
    private static final HostKey HOST = HostKey.of(URI.create("https://news.example/"));

    @Test
    void twoThreadsAskingOneHostTakeTurnsSpacedFromTheEndOfTheAnswer() throws Exception {
        HostClock clock = new HostClock(Duration.ofMillis(100));
        List<long[]> requests = new CopyOnWriteArrayList<>(); // {sent, answered}
        Runnable asker = () -> {
            for (int i = 0; i < 3; i++) {
                try (HostClock.Turn turn = clock.take(HOST)) {
                    long sent = System.nanoTime();
                    Thread.sleep(30); // the answer takes a while
                    requests.add(new long[] {sent, System.nanoTime()});
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread a = new Thread(asker);
        Thread b = new Thread(asker);
        a.start();
        b.start();
        a.join();
        b.join();
        List<long[]> sorted = requests.stream().sorted((x, y) -> Long.compare(x[0], y[0])).toList();
        for (int i = 1; i < sorted.size(); i++) {
            long gapMs = (sorted.get(i)[0] - sorted.get(i - 1)[1]) / 1_000_000;
            assertTrue(gapMs >= 99, "request " + i + " sent " + gapMs + " ms after the previous answer, expected 100");
        }
    }

    @Test
    void aLongerCrawlDelaySlowsTheHostAndOtherHostsAreNotHeldUp() throws Exception {
        HostClock clock = new HostClock(Duration.ofMillis(10));
        HostKey other = HostKey.of(URI.create("https://other.example/"));
        clock.slowDown(HOST, Duration.ofMillis(300));
        clock.take(HOST).close();
        clock.take(other).close();
        long t0 = System.nanoTime();
        clock.take(other).close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 200, "another host waits its own delay only");
        clock.take(HOST).close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 280, "the slowed host waits its Crawl-delay");
    }

    @Test
    void aHostAnotherCrawlerJustAskedWaitsItsSpacingFromThatAnswer() throws Exception {
        HostClock clock = new HostClock(Duration.ofMillis(200));
        HostKey other = HostKey.of(URI.create("https://other.example/"));
        clock.askedElsewhere(HOST, System.currentTimeMillis() - 50); // its feed was read 50 ms ago elsewhere
        clock.askedElsewhere(other, System.currentTimeMillis() - 5_000); // long ago: no wait
        long t0 = System.nanoTime();
        clock.take(other).close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 100, "a host asked long ago elsewhere is not held up");
        clock.take(HOST).close();
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 145, "waited " + waitedMs + " ms, expected the rest of the 200 ms spacing");
    }

    @Test
    void aTimeAheadOfThisClockCostsAtMostOneSpacing() throws Exception {
        HostClock clock = new HostClock(Duration.ofMillis(100));
        clock.askedElsewhere(HOST, System.currentTimeMillis() + 60_000); // the other machine's clock runs ahead
        long t0 = System.nanoTime();
        clock.take(HOST).close();
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 95 && waitedMs < 5_000, "waited " + waitedMs + " ms, expected one spacing");
    }
}
