package io.newsclaims.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard's decision on address literals: no packet is sent (literals are not looked up). */
class AddressGuardTest {
    @ParameterizedTest(name = "{0} public={1}")
    @CsvSource({
            "127.0.0.1, false", "127.0.0.2, false", "10.1.2.3, false", "172.16.0.1, false", "172.31.255.1, false",
            "192.168.1.1, false", "169.254.169.254, false", "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false",
            "198.18.0.1, false", "240.0.0.1, false", "::1, false", "fc00::1, false", "fd12:3456::1, false", "fe80::1, false",
            "::ffff:10.0.0.1, false", "::ffff:127.0.0.1, false",
            "8.8.8.8, true", "1.1.1.1, true", "172.32.0.1, true", "100.128.0.1, true", "2606:4700::1111, true"})
    void decidesWhichAddressesAreFetchable(String literal, boolean expected) throws UnknownHostException {
        assertEquals(expected, AddressGuard.isPublic(InetAddress.getByName(literal)));
    }
}
