package io.newsclaims.ingest.fetch;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Refuses URLs whose host resolves to an address a public crawler has no business fetching:
 * loopback, private (RFC 1918, RFC 4193), link-local (including the 169.254.169.254 cloud metadata
 * service), carrier-grade NAT, multicast and the unspecified address, unless all of them or the
 * given ranges are allowed. {@link #isAllowed(InetAddress)} is the pure decision, testable without
 * sending a packet; {@link #resolve(String)} resolves a name once and gives the checked addresses,
 * the only ones the fetcher connects to.
 */
public final class AddressGuard {
    private final boolean allowPrivate;
    private final List<AddressRange> allowed;
    private final HostResolver resolver;

    /** @param allowed non-public ranges that may be fetched all the same */
    public AddressGuard(boolean allowPrivate, List<AddressRange> allowed) {
        this(allowPrivate, allowed, HostResolver.SYSTEM);
    }

    /** @param resolver how host names are resolved (the system's resolver, or a test's) */
    public AddressGuard(boolean allowPrivate, List<AddressRange> allowed, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** Whether a connection to {@code a} is allowed: a public address, or one the operator allowed. */
    public boolean isAllowed(InetAddress a) {
        if (allowPrivate || isPublic(a)) {
            return true;
        }
        for (AddressRange r : allowed) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves {@code host} once and returns its addresses when every one of them is allowed: the
     * addresses to connect to, so that no second lookup can answer differently (DNS rebinding).
     *
     * @throws AddressRefusedException when one of the addresses is refused
     * @throws UnknownHostException    when the name does not resolve
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress a : addresses) {
            if (!isAllowed(a)) {
                throw new AddressRefusedException(host, a);
            }
        }
        return List.copyOf(addresses);
    }

    /**
     * Resolves the URL's host and checks every address it resolves to: a decision only, for
     * callers that must know before fetching; the fetcher checks again the addresses it connects to.
     *
     * @throws SkippedInputException {@code private_address} when refused, {@code unreachable} when the name does not resolve
     */
    public void check(URI url) throws SkippedInputException {
        if (allowPrivate) {
            return;
        }
        try {
            resolve(url.getHost());
        } catch (AddressRefusedException e) {
            throw new SkippedInputException(SkipReason.PRIVATE_ADDRESS, url.toString(), e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, url.toString(), "unknown host " + url.getHost(), e);
        }
    }

    /** True when {@code a} is a globally routable unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second <= 127;
            boolean reserved = first == 0 || first >= 240;
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            return !(cgnat || reserved || benchmarking);
        }
        if (a instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
