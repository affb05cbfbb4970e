package io.newsclaims.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A name whose DNS answer changes between two lookups (DNS rebinding): the fetcher resolves each
 * host once, checks every address, and connects to the checked address only. No packet leaves
 * loopback: a public answer goes to a socket that records the address it is asked to connect to
 * and refuses, and the sites are on 127.0.0.0/8.
 */
class DnsRebindingTest {
    private static final byte[] HTML = "<html><body><p>Hello news</p></body></html>".getBytes(StandardCharsets.UTF_8);
    /** TEST-NET-3 (RFC 5737): public to the guard, and never connected to here. */
    private static final InetAddress PUBLIC = address(203, 0, 113, 7);

    /** Answers the given lists in turn (the last one from then on), counting the lookups. */
    private static final class RebindingResolver implements HostResolver {
        private final Deque<List<InetAddress>> answers;
        final AtomicInteger lookups = new AtomicInteger();

        @SafeVarargs
        RebindingResolver(List<InetAddress>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
            lookups.incrementAndGet();
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    /** A socket that records where it is asked to connect and never connects. */
    private static final class RecordingSocket extends Socket {
        private final List<SocketAddress> attempts;

        RecordingSocket(List<SocketAddress> attempts) {
            this.attempts = attempts;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            attempts.add(endpoint);
            throw new ConnectException("recorded, not connected: " + endpoint);
        }
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsConnectedToTheCheckedAddressOnly() throws Exception {
        try (TestSite loopback = new TestSite("127.0.0.1")) {
            loopback.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            int port = loopback.url("/").getPort();
            RebindingResolver resolver = new RebindingResolver(List.of(PUBLIC), List.of(address(127, 0, 0, 1)));
            List<SocketAddress> attempts = new CopyOnWriteArrayList<>();
            PageFetcher fetcher = new PageFetcher(FetchSettings.defaults(), resolver, () -> new RecordingSocket(attempts));

            SkippedInputException e = assertThrows(SkippedInputException.class,
                    () -> fetcher.fetch(URI.create("http://rebind.example:" + port + "/")));

            assertEquals(SkipReason.UNREACHABLE, e.reason(), e.getMessage());
            assertEquals(List.of(new InetSocketAddress(PUBLIC, port)), attempts, "only the checked address is connected to");
            assertEquals(1, resolver.lookups.get(), "the name is resolved once: no second lookup can rebind it");
            assertEquals(0, loopback.requests.get(), "the loopback site must receive no request");
        }
    }

    @Test
    void aNameWithOneLoopbackAddressAmongPublicOnesIsRefusedBeforeAnyConnect() {
        RebindingResolver resolver = new RebindingResolver(List.of(PUBLIC, address(127, 0, 0, 1)));
        List<SocketAddress> attempts = new CopyOnWriteArrayList<>();
        PageFetcher fetcher = new PageFetcher(FetchSettings.defaults(), resolver, () -> new RecordingSocket(attempts));

        SkippedInputException e = assertThrows(SkippedInputException.class,
                () -> fetcher.fetch(URI.create("http://mixed.example/")));

        assertEquals(SkipReason.PRIVATE_ADDRESS, e.reason(), e.getMessage());
        assertEquals(List.of(), attempts, "refused before any connect");
    }

    @Test
    void aRedirectToANameThatResolvesToLoopbackIsRefusedBeforeAnyConnect() throws Exception {
        try (TestSite allowed = new TestSite("127.0.0.3"); TestSite canary = new TestSite("127.0.0.2")) {
            int canaryPort = canary.url("/").getPort();
            allowed.put("/", 302, Map.of("Location", "http://internal.example:" + canaryPort + "/"), new byte[0]);
            canary.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            HostResolver resolver = host -> List.of(host.equals("news.example") ? address(127, 0, 0, 3) : address(127, 0, 0, 2));
            PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowedAddresses(List.of(AddressRange.parse("127.0.0.3"))),
                    resolver, Socket::new);

            SkippedInputException e = assertThrows(SkippedInputException.class,
                    () -> fetcher.fetch(URI.create("http://news.example:" + allowed.url("/").getPort() + "/")));

            assertEquals(SkipReason.PRIVATE_ADDRESS, e.reason(), e.getMessage());
            assertEquals(1, allowed.requests.get());
            assertEquals(0, canary.requests.get(), "the canary host must receive no request");
        }
    }

    @Test
    void theAddressCheckedIsTheAddressFetchedAndALaterAnswerIsCheckedAgain() throws Exception {
        try (TestSite allowed = new TestSite("127.0.0.3"); TestSite canary = new TestSite("127.0.0.2")) {
            allowed.put("/", 200, Map.of("Content-Type", "text/html", "Connection", "close"), HTML);
            canary.put("/", 200, Map.of("Content-Type", "text/html"), HTML);
            int port = allowed.url("/").getPort();
            RebindingResolver resolver = new RebindingResolver(List.of(address(127, 0, 0, 3)), List.of(address(127, 0, 0, 2)));
            PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowedAddresses(List.of(AddressRange.parse("127.0.0.3"))),
                    resolver, Socket::new);
            URI url = URI.create("http://news.example:" + port + "/");

            assertEquals(200, fetcher.fetch(url).status());
            assertEquals(1, allowed.requests.get());
            assertEquals(1, resolver.lookups.get());
            // the connection was closed by the server: the next request resolves again, and the new answer is refused
            SkippedInputException e = assertThrows(SkippedInputException.class, () -> fetcher.fetch(url));
            assertEquals(SkipReason.PRIVATE_ADDRESS, e.reason(), e.getMessage());
            assertEquals(0, canary.requests.get(), "the canary host must receive no request");
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
