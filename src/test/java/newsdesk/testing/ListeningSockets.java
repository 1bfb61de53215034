package newsdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets a process accepts traffic on, read from Linux's /proc: its open socket inodes
 * ({@code /proc/<pid>/fd}) matched against the kernel's socket tables ({@code /proc/<pid>/net/tcp*},
 * {@code udp*}). TCP counts when listening; UDP counts when bound to a port (UDP has no listen state).
 */
public final class ListeningSockets {

    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final String TCP_LISTEN = "0A";

    /** One socket as {@code tcp 127.0.0.1:5432} or {@code udp [::]:2904}; the wildcard is 0.0.0.0 or [::]. */
    public record Endpoint(String protocol, InetAddress address, int port) implements Comparable<Endpoint> {
        public boolean isWildcard() {
            return address.isAnyLocalAddress();
        }

        public boolean isLoopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            String host = address.getHostAddress();
            return protocol + " " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    /** Every TCP listener and bound UDP socket the process holds open; none once it has ended. */
    public static Set<Endpoint> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        if (inodes.isEmpty()) {
            return Set.of();
        }
        Set<Endpoint> endpoints = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            for (String line : lines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                String[] columns = line.trim().split("\\s+");
                boolean tcp = table.startsWith("tcp");
                if (columns.length < 10 || !inodes.contains(columns[9]) || tcp && !TCP_LISTEN.equals(columns[3])) {
                    continue;
                }
                endpoints.add(endpoint(tcp ? "tcp" : "udp", columns[1]));
            }
        }
        return endpoints;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        Path fds = Path.of("/proc", String.valueOf(pid), "fd");
        try (var links = Files.list(fds)) {
            for (Path link : links.toList()) {
                try {
                    Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(link).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while we listed them: it listens on nothing
                }
            }
        } catch (NoSuchFileException ended) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the open files of process " + pid, e);
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            return Files.readAllLines(table).stream().skip(1).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
    }

    /** "0100007F:1F90" (IPv4, little-endian words) or 32 hex digits (IPv6, four little-endian words). */
    private static Endpoint endpoint(String protocol, String hexAddress) {
        String[] parts = hexAddress.split(":");
        byte[] address = new byte[parts[0].length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                address[word * 4 + i] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        try {
            return new Endpoint(protocol, InetAddress.getByAddress(address), new BigInteger(parts[1], 16).intValue());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hexAddress, e);
        }
    }
}
