package newsdesk.launcher;

import newsdesk.testing.ListeningSockets;
import newsdesk.testing.ListeningSockets.Endpoint;
import newsdesk.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator's port scan sees: the server accepts connections on its HTTP port and nowhere else
 * (no Hazelcast member, no multicast discovery), and the embedded PostgreSQL only on the loopback address.
 */
class ListeningPortsIT {

    @Test
    void theServerListensOnItsHttpPortOnlyAndTheEmbeddedDatabaseOnLoopbackOnly(@TempDir Path dataDir) throws Exception {
        try (ServerProcess server = ServerProcess.start("ports", Map.of(
                "NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_ADMIN_PASSWORD", "ports-admin-password"))) {
            int http = server.baseUri().getPort();
            Set<Endpoint> launcher = listeningWithDescendants(server.process().toHandle());
            assertEquals(List.of("tcp *:" + http), describe(launcher),
                    "the Java process (and anything it started) listens on the HTTP port on every interface, and on nothing else");

            List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid.get(0).trim())).orElseThrow();
            int databasePort = Integer.parseInt(pid.get(3).trim());
            assertEquals(List.of("tcp 127.0.0.1:" + databasePort), describe(listeningWithDescendants(postmaster)),
                    "the embedded PostgreSQL listens on the loopback address only");

            assertFalse(server.log().contains("com.hazelcast"), "no Hazelcast member started");
            assertTrue(server.log().contains("phone-home-runtime-configuration.enabled=false"),
                    "phone-home is switched off before the server boots");
        }
    }

    private static Set<Endpoint> listeningWithDescendants(ProcessHandle process) {
        Set<Endpoint> endpoints = new TreeSet<>();
        Stream.concat(Stream.of(process), process.descendants())
                .forEach(p -> endpoints.addAll(ListeningSockets.of(p.pid())));
        return endpoints;
    }

    /** "tcp *:8080" for a wildcard bind (IPv4 or dual-stack IPv6), "tcp 127.0.0.1:5432" otherwise. */
    private static List<String> describe(Set<Endpoint> endpoints) {
        return endpoints.stream()
                .map(e -> e.isWildcard() ? e.protocol() + " *:" + e.port() : e.toString())
                .distinct()
                .toList();
    }
}
