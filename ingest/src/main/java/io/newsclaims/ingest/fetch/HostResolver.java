package io.newsclaims.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The fetcher's name resolution, behind an interface so that tests can answer anything (a name
 * that rebinds to another address between two lookups) without DNS or sockets.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system's resolver (a literal address is returned as it is, without a lookup). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * Every address of {@code host}.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
