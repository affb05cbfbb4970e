package io.newsclaims.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fetches from a site on 127.0.0.1 only. */
class PageFetcherTest {
    private static final byte[] HTML = "<html><body><p>Hello news</p></body></html>".getBytes(StandardCharsets.UTF_8);
    private static TestSite site;
    private final PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withMaxBodyBytes(4096));

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite("127.0.0.1");
        site.put("/ok", 200, Map.of("Content-Type", "text/html; charset=windows-1252"), HTML);
        site.put("/loop-a", 302, Map.of("Location", "/loop-b"), new byte[0]);
        site.put("/loop-b", 302, Map.of("Location", "/loop-a"), new byte[0]);
        site.put("/moved", 301, Map.of("Location", "/ok"), new byte[0]);
        site.put("/pdf", 200, Map.of("Content-Type", "application/pdf"), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        site.put("/binary", 200, Map.of("Content-Type", "text/html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        site.put("/huge", 200, Map.of("Content-Type", "text/html"), new byte[50_000]);
        site.put("/gzip", 200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"), gzip(HTML));
        site.put("/gone", 410, Map.of("Content-Type", "text/html"), "gone".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void fetchesHtmlWithItsHeaderCharset() throws Exception {
        FetchedPage page = fetcher.fetch(site.url("/ok"));
        assertEquals(200, page.status());
        assertEquals("windows-1252", page.headerCharset());
        assertArrayEquals(HTML, page.body());
    }

    @Test
    void followsARedirectAndReportsTheFinalUrl() throws Exception {
        assertEquals(site.url("/ok"), fetcher.fetch(site.url("/moved")).finalUrl());
    }

    @Test
    void decodesGzipBodies() throws Exception {
        assertArrayEquals(HTML, fetcher.fetch(site.url("/gzip")).body());
    }

    @Test
    void skipsWithAReasonForEachBadPage() {
        assertEquals(SkipReason.TOO_MANY_REDIRECTS, skip("/loop-a"));
        assertEquals(SkipReason.UNSUPPORTED_CONTENT_TYPE, skip("/pdf"));
        assertEquals(SkipReason.BINARY_CONTENT, skip("/binary"));
        assertEquals(SkipReason.TOO_LARGE, skip("/huge"));
        assertEquals(SkipReason.HTTP_ERROR, skip("/gone"));
        assertEquals(SkipReason.HTTP_ERROR, skip("/missing"));
    }

    @Test
    void aDeadHostIsUnreachable() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        SkippedInputException e = assertThrows(SkippedInputException.class,
                () -> fetcher.fetch(java.net.URI.create("http://127.0.0.1:" + deadPort + "/")));
        assertEquals(SkipReason.UNREACHABLE, e.reason());
    }

    @Test
    void refusesAPrivateAddressByDefaultWithoutSendingARequest() throws Exception {
        try (TestSite canary = new TestSite("127.0.0.2")) {
            canary.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            PageFetcher guarded = new PageFetcher(FetchSettings.defaults());
            SkippedInputException e = assertThrows(SkippedInputException.class, () -> guarded.fetch(canary.url("/")));
            assertEquals(SkipReason.PRIVATE_ADDRESS, e.reason());
            assertEquals(0, canary.requests.get(), "the canary host must receive no request");
        }
    }

    @Test
    void anAllowedAddressIsFetchedAndACanaryOutsideTheListIsNot() throws Exception {
        try (TestSite allowed = new TestSite("127.0.0.3"); TestSite canary = new TestSite("127.0.0.4")) {
            allowed.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            canary.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowedAddresses(
                    java.util.List.of(AddressRange.parse("127.0.0.3"))));
            assertEquals(200, fetcher.fetch(allowed.url("/")).status());
            SkippedInputException e = assertThrows(SkippedInputException.class, () -> fetcher.fetch(canary.url("/")));
            assertEquals(SkipReason.PRIVATE_ADDRESS, e.reason());
            assertEquals(1, allowed.requests.get());
            assertEquals(0, canary.requests.get(), "the canary host must receive no request");
        }
    }

    @Test
    void refusesOtherSchemes() {
        SkippedInputException e = assertThrows(SkippedInputException.class,
                () -> fetcher.fetch(java.net.URI.create("ftp://127.0.0.1/file")));
        assertEquals(SkipReason.INVALID_URL, e.reason());
    }

    @Test
    void retriesAfter429HonouringRetryAfterAndGivesUpOnPersistent503() throws Exception {
        try (TestSite flaky = new TestSite("127.0.0.1")) {
            flaky.put("/busy", 503, Map.of("Content-Type", "text/html"), "busy".getBytes(StandardCharsets.US_ASCII));
            PageFetcher retrying = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                    .withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(100)));
            flaky.putSequence("/limited", new TestSite.Page(429, Map.of("Retry-After", "1"), new byte[0]),
                    new TestSite.Page(200, Map.of("Content-Type", "text/html"), HTML));
            long t0 = System.nanoTime();
            assertArrayEquals(HTML, retrying.fetch(flaky.url("/limited")).body());
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 950, "Retry-After: 1 must be waited for");
            int before = flaky.requests.get();
            SkippedInputException e = assertThrows(SkippedInputException.class, () -> retrying.fetch(flaky.url("/busy")));
            assertEquals(SkipReason.HTTP_ERROR, e.reason());
            assertEquals(3, flaky.requests.get() - before, "one request and two retries");
        }
    }

    @Test
    void aFiftyMegabytePageIsSkippedWithoutReadingItAll() throws Exception {
        try (java.net.ServerSocket big = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread t = new Thread(() -> {
                try (java.net.Socket s = big.accept(); java.io.OutputStream out = s.getOutputStream()) {
                    // no Content-Length: the size is only known by reading
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>".getBytes());
                    byte[] chunk = "lorem ipsum dolor sit amet ".repeat(2000).getBytes();
                    while (sent.get() < 50L * 1024 * 1024) {
                        out.write(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException ignored) {
                    // the client stopped reading: expected
                }
            });
            t.setDaemon(true);
            t.start();
            PageFetcher limited = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
            SkippedInputException e = assertThrows(SkippedInputException.class,
                    () -> limited.fetch(java.net.URI.create("http://127.0.0.1:" + big.getLocalPort() + "/big")));
            assertEquals(SkipReason.TOO_LARGE, e.reason());
            t.join(10_000);
            assertTrue(sent.get() < 40L * 1024 * 1024, "the fetcher stopped reading early, after " + sent.get() + " bytes");
        }
    }

    @Test
    void aServerThatDripsItsBodyTimesOut() throws Exception {
        try (java.net.ServerSocket drip = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = drip.accept(); java.io.OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>".getBytes());
                    for (int i = 0; i < 100; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (Exception ignored) {
                    // the client went away: expected
                }
            });
            t.setDaemon(true);
            t.start();
            PageFetcher impatient = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                    .withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(100)));
            long t0 = System.nanoTime();
            SkippedInputException e = assertThrows(SkippedInputException.class,
                    () -> impatient.fetch(java.net.URI.create("http://127.0.0.1:" + drip.getLocalPort() + "/slow")));
            assertEquals(SkipReason.UNREACHABLE, e.reason());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 6_000, "the drip must be cut at the deadline");
        }
    }

    private SkipReason skip(String path) {
        return assertThrows(SkippedInputException.class, () -> fetcher.fetch(site.url(path))).reason();
    }

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(data);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
