package newsdesk.api;

import io.swagger.v3.oas.models.parameters.Parameter;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation in /openapi × every parameter, header and body field × the hostile values of
 * {@link BadValues}, sent by a caller the operation admits: every answer is a 4xx problem+json (an
 * optional field left out may also succeed), and no table gains a row from a refused request.
 * All failures are reported in one message, grouped by operation and kind of value.
 */
@ExtendWith(NewsdeskServer.class)
class BadInputCorpusIT {

    private static final int MAX_REQUESTS = 4000;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.util.Set<String> WRITTEN_IN_THE_BACKGROUND = java.util.Set.of("websub_pings",
            "webhook_deliveries", "webhook_attempts", "machine_translations", "machine_fills");

    private final Desk desk;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    BadInputCorpusIT(Desk desk) {
        this.desk = desk;
    }

    /** One request of the corpus: which slot got which bad value. */
    private record Probe(String slot, BadValues.Bad bad, String path, Map<String, String> headers, byte[] body) {
    }

    @Test
    void everyBadInputIsRefusedWithAProblemAndWritesNothing() throws Exception {
        ApiFixture fixture = new ApiFixture(desk);
        Map<String, Map<String, List<String>>> failures = new TreeMap<>();
        long started = System.nanoTime();
        int requests = 0;
        for (ApiOperations.Operation operation : ApiOperations.read(desk)) {
            if (!AccessTable.ROWS.containsKey(operation.id())) {
                continue; // AuthorizationMatrixIT names operations without a row
            }
            if (operation.path().startsWith("/api/test/")) {
                continue; // test-only endpoints move state every test of the run shares (the clock)
            }
            ApiFixture.Scene scene = fixture.newScene();
            Desk.Person caller = fixture.person(AccessTable.permitted(operation.id()), scene);
            Map<String, Long> before = rowCounts();
            boolean accepted = false;
            for (Probe probe : probes(fixture, operation, scene, caller)) {
                requests++;
                String fault;
                int status;
                try {
                    HttpResponse<String> response = send(operation.method(), probe);
                    status = response.statusCode();
                    fault = judge(probe.bad(), status, response);
                } catch (IllegalArgumentException unsendable) {
                    continue; // the HTTP client itself refuses such a header: no server can receive it
                } catch (IOException e) {
                    status = 0;
                    fault = "no answer: " + e;
                }
                accepted |= status / 100 == 2;
                if (fault != null) {
                    String sent = probe.slot() + " = " + AuthorizationMatrixIT.abbreviate(String.valueOf(probe.bad().value()), 24);
                    failures.computeIfAbsent(operation.toString(), k -> new TreeMap<>())
                            .computeIfAbsent(probe.bad().kind(), k -> new ArrayList<>()).add(sent + " → " + fault);
                }
            }
            if (!accepted) {
                String writes = writes(before, rowCounts());
                if (!writes.isEmpty()) {
                    failures.computeIfAbsent(operation.toString(), k -> new TreeMap<>())
                            .computeIfAbsent("rows written", k -> new ArrayList<>()).add(writes);
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "bad-input corpus: " + requests + " requests in " + took.toSeconds() + " s");
        assertTrue(requests <= MAX_REQUESTS, requests + " requests: keep the corpus bounded");
        assertEquals("", report(failures), "bad inputs that were not refused with a problem ("
                + requests + " requests in " + took.toSeconds() + " s)");
    }

    private List<Probe> probes(ApiFixture fixture, ApiOperations.Operation operation, ApiFixture.Scene scene,
                               Desk.Person caller) {
        String path = fixture.path(operation, scene, null, null);
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller != null) {
            headers.put("Authorization", "Bearer " + caller.token());
        }
        if (!operation.in("header").stream().filter(p -> p.getName().equalsIgnoreCase("If-Match")).toList().isEmpty()) {
            headers.put("If-Match", fixture.etag(path));
        }
        Map<String, Object> valid = fixture.validBody(operation, scene);
        String validJson = operation.hasBody() ? json(valid) : null;
        if (operation.hasBody()) {
            headers.put("Content-Type", "application/json");
        }
        byte[] body = validJson == null ? null : validJson.getBytes(StandardCharsets.UTF_8);
        List<Probe> probes = new ArrayList<>();
        for (Parameter parameter : operation.in("path")) {
            for (BadValues.Bad bad : BadValues.forParameter(parameter.getName(), parameter.getSchema(), true)) {
                probes.add(new Probe("path " + parameter.getName(), bad,
                        fixture.path(operation, scene, parameter.getName(), bad.value()), headers, body));
            }
        }
        for (Parameter parameter : operation.in("query")) {
            for (BadValues.Bad bad : BadValues.forParameter(parameter.getName(), parameter.getSchema(), false)) {
                probes.add(new Probe("query " + parameter.getName(), bad,
                        path + "?" + parameter.getName() + "=" + bad.value(), headers, body));
            }
        }
        for (Parameter parameter : operation.in("header")) {
            for (BadValues.Bad bad : BadValues.forHeader(parameter.getName())) {
                Map<String, String> changed = new LinkedHashMap<>(headers);
                changed.put(parameter.getName(), bad.value());
                probes.add(new Probe("header " + parameter.getName(), bad, path, changed, body));
            }
        }
        operation.bodyFields().forEach((field, schema) -> {
            for (BadValues.Bad bad : BadValues.forField(schema)) {
                Map<String, Object> changed = new LinkedHashMap<>(valid);
                changed.remove(field);
                String json = json(changed);
                if (bad.value() != null) {
                    String member = json(field) + ":" + bad.value();
                    json = changed.isEmpty() ? "{" + member + "}" : json.substring(0, json.length() - 1) + "," + member + "}";
                }
                probes.add(new Probe("body." + field, bad, path, headers, json.getBytes(StandardCharsets.UTF_8)));
            }
        });
        if (operation.hasBody()) {
            for (BadValues.Bad bad : BadValues.forBody()) {
                probes.add(new Probe("body", bad, path, headers,
                        bad.value().replace("%s", validJson).getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, String> text = new LinkedHashMap<>(headers);
            text.put("Content-Type", "text/plain");
            probes.add(new Probe("Content-Type", new BadValues.Bad(BadValues.WRONG_TYPE, "text/plain"), path, text, body));
        }
        return probes;
    }

    private HttpResponse<String> send(String method, Probe probe) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(desk.baseUri() + probe.path()))
                .timeout(Duration.ofSeconds(10))
                .method(method, probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Null when the answer is right for the value, else what is wrong with it. */
    private static String judge(BadValues.Bad bad, int status, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("none");
        String answer = status + " " + type + " " + AuthorizationMatrixIT.abbreviate(response.body(), 120);
        if (status >= 500 || status < 200) {
            return answer;
        }
        if (status / 100 == 2 || status / 100 == 3) {
            return BadValues.mayBeAccepted(bad.kind()) ? null : "accepted: " + answer;
        }
        return type.startsWith("application/problem+json") ? null : "not problem+json: " + answer;
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(desk.database().url());
             var tables = connection.createStatement().executeQuery(
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String name : names) {
                try (var count = connection.createStatement().executeQuery("SELECT count(*) FROM \"" + name + "\"")) {
                    count.next();
                    counts.put(name, count.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Tables that gained rows (background work may only remove them: the outbox relay, purges), leaving out
     * the ones only background work writes: WebSub pings and webhook deliveries the outbox relay records for
     * other tests' publications, and machine pre-fill results.
     */
    private static String writes(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> !WRITTEN_IN_THE_BACKGROUND.contains(e.getKey()))
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .map(e -> e.getKey() + " " + before.getOrDefault(e.getKey(), 0L) + "→" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String report(Map<String, Map<String, List<String>>> failures) {
        StringBuilder report = new StringBuilder();
        failures.forEach((operation, kinds) -> {
            report.append(operation).append('\n');
            kinds.forEach((kind, faults) -> {
                report.append("  ").append(kind).append(" (").append(faults.size()).append("):\n");
                faults.stream().limit(8).forEach(fault -> report.append("    ").append(fault).append('\n'));
                if (faults.size() > 8) {
                    report.append("    … and ").append(faults.size() - 8).append(" more\n");
                }
            });
        });
        return report.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
