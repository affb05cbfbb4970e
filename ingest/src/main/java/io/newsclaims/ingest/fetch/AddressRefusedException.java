package io.newsclaims.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolved to an address the {@link AddressGuard} refuses. An {@link UnknownHostException}
 * because it is thrown from inside the HTTP client's name resolution, before any connection.
 */
final class AddressRefusedException extends UnknownHostException {
    private final String host;
    private final transient InetAddress address;

    AddressRefusedException(String host, InetAddress address) {
        super(host + " resolves to " + address.getHostAddress()
                + ", a non-public address (allow with --allow-address or --allow-private-addresses)");
        this.host = host;
        this.address = address;
    }

    String host() {
        return host;
    }

    InetAddress address() {
        return address;
    }
}
