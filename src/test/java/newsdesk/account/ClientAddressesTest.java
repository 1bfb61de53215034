package newsdesk.account;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {

    private static final Set<InetAddress> PROXY = Set.of(ClientAddresses.parse("10.0.0.2").orElseThrow());

    @Test
    void withoutATrustedProxyTheHeaderCountsForNothing() {
        assertEquals("203.0.113.7", ClientAddresses.resolve("203.0.113.7", "198.51.100.1", Set.of()));
        assertEquals("203.0.113.7", ClientAddresses.resolve("203.0.113.7", "198.51.100.1", PROXY));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertEquals("198.51.100.1", ClientAddresses.resolve("10.0.0.2", "198.51.100.1", PROXY));
        // Whatever the client wrote before the hop our proxy appended is ignored.
        assertEquals("198.51.100.1", ClientAddresses.resolve("10.0.0.2", "1.2.3.4, 198.51.100.1", PROXY));
        // A chain of our own proxies is walked through.
        assertEquals("198.51.100.1", ClientAddresses.resolve("10.0.0.2", "198.51.100.1, 10.0.0.2", PROXY));
        assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", null, PROXY));
    }

    @Test
    void garbageInTheHeaderLeavesTheLastTrustworthyAddress() {
        assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", "not-an-address", PROXY));
        assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", "300.1.1.1", PROXY));
        assertEquals("10.0.0.2", ClientAddresses.resolve("10.0.0.2", "", PROXY));
    }

    @Test
    void portsAndBracketsAreDroppedAndIpv6CountsByItsSlash64() {
        assertEquals("198.51.100.1", ClientAddresses.resolve("10.0.0.2", "198.51.100.1:4711", PROXY));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddresses.resolve("10.0.0.2", "[2001:db8:1:2::99]:4711", PROXY));
        assertEquals(ClientAddresses.resolve("2001:db8:1:2::1", null, PROXY),
                ClientAddresses.resolve("2001:db8:1:2:ffff::7", null, PROXY));
        assertEquals("127.0.0.1", ClientAddresses.resolve("::ffff:127.0.0.1", null, PROXY));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertTrue(ClientAddresses.parse("localhost").isEmpty());
        assertTrue(ClientAddresses.parse("example.org").isEmpty());
        assertTrue(ClientAddresses.parse("1234").isEmpty());
    }
}
