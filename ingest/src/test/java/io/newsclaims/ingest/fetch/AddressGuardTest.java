package io.newsclaims.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Allowed ranges open only themselves: the rest of the non-public space stays refused. */
    @ParameterizedTest(name = "{0} allowed by {1}: {2}")
    @CsvSource({
            "127.0.0.2, 127.0.0.2, true", "127.0.0.3, 127.0.0.2, false", "10.1.200.7, 10.1.0.0/16, true",
            "10.2.0.1, 10.1.0.0/16, false", "172.20.0.1, 172.16.0.0/12, true", "172.32.0.1, 172.16.0.0/12, true",
            "169.254.169.254, 10.0.0.0/8, false", "fd00::5, fd00::/8, true", "fe80::1, fd00::/8, false",
            "127.0.0.1, ::1, false", "8.8.8.8, 10.0.0.0/8, true"})
    void allowsOnlyTheGivenRanges(String literal, String range, boolean expected) throws UnknownHostException {
        AddressGuard guard = new AddressGuard(false, List.of(AddressRange.parse(range)));
        assertEquals(expected, guard.isAllowed(InetAddress.getByName(literal)));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"intranet.example", "10.0.0.0/33", "10.0.0.0/x", "", "1.2.3.4.5"})
    void refusesWhatIsNotALiteralRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
