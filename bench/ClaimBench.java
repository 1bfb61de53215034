import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims per second through the API (N concurrent claim-next callers emptying a queue of T tasks), and, in
 * the same run against the same database and rows, the rate of the bare claim statement run by pgbench with
 * the same concurrency. The API is loaded twice: by this JVM's threads, and by wrk (bench/claim-next.lua) when it
 * is installed, whose C event loop leaves the 2 cores to the server. Run by bench/claims.sh.
 */
public class ClaimBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern WRK_CLAIMS = Pattern.compile("WRK_CLAIMS ([0-9]+) ([0-9.]+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String adminPassword = args[1];
        String jdbcUrl = args[2];
        String pgbenchConnection = args[3];
        int tasks = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);

        String admin = signIn(base, "admin", adminPassword);
        String language = "qbn-x" + UUID.randomUUID().toString().substring(0, 6);
        send(base, "PUT", "/api/languages/" + language, admin, "{\"name\":\"Bench\"}", 201);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // One translator per claimer, as on a real desk (one translator's own claims are serialized by design).
        List<String> translators = new ArrayList<>();
        String translatorId = null;
        for (int c = 0; c < clients; c++) {
            translatorId = account(base, admin, "bench-translator-" + c + "-" + suffix, "[\"TRANSLATOR\"]", language);
            translators.add(signIn(base, "bench-translator-" + c + "-" + suffix, "bench-password-1"));
        }
        account(base, admin, "bench-editor-" + suffix, "[\"EDITOR\"]", language);
        String editor = signIn(base, "bench-editor-" + suffix, "bench-password-1");

        System.out.printf("setting up %d open tasks…%n", tasks);
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            created.add(setup.submit(() -> {
                String article = created(send(base, "POST", "/api/articles", editor, """
                        {"sourceLanguage":"uk","section":"bench","byline":"Бенч","title":"Задача %s","summary":"","body":"<p>Текст</p>"}"""
                        .formatted(UUID.randomUUID()), 201));
                send(base, "POST", "/api/articles/" + article + "/translations", editor,
                        "{\"languages\":[\"" + language + "\"]}", 201);
                return null;
            }));
        }
        for (Future<?> f : created) {
            f.get();
        }
        setup.shutdown();

        // The API: clients call claim-next until the queue is empty.
        AtomicInteger claimed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> claimers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String translator = translators.get(c);
            claimers.add(pool.submit(() -> {
                while (send(base, "POST", "/api/tasks/claim-next", translator, "{\"language\":\"" + language + "\"}", -1)
                        .statusCode() == 200) {
                    claimed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : claimers) {
            f.get();
        }
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (claimed.get() != tasks) {
            throw new IllegalStateException("claimed " + claimed.get() + " of " + tasks);
        }
        double apiRate = tasks / apiSeconds;

        // The same rows reopened and claimed through the API by wrk (C, event loop, 2 threads), so that the load
        // generator's own CPU use does not cap what the server shows; one connection per claimer.
        reopen(jdbcUrl, language);
        double wrkRate = Double.NaN;
        if (!"0".equals(System.getenv("BENCH_WRK")) && onPath("wrk")) {
            ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d600s", "--timeout", "30s",
                    "-s", "bench/claim-next.lua", base.toString()).redirectErrorStream(true);
            wrk.environment().put("CLAIM_TOKENS", String.join(",", translators));
            wrk.environment().put("CLAIM_LANGUAGE", language);
            // wrk runs for its whole -d, so the end is read from the database: the last claim's time, once every
            // task is claimed; then SIGINT makes wrk stop and print.
            java.time.Instant wrkStart = java.time.Instant.now();
            Process running = wrk.start();
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(running.getInputStream().readAllBytes());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            java.time.Instant lastClaim;
            try (Connection db = DriverManager.getConnection(jdbcUrl)) {
                while (true) {
                    var rows = db.createStatement().executeQuery("SELECT count(*) FILTER (WHERE state = 'CLAIMED'),"
                            + " max(updated_at) FROM tasks WHERE language = '" + language + "'");
                    rows.next();
                    if (rows.getInt(1) == tasks) {
                        lastClaim = rows.getTimestamp(2).toInstant();
                        break;
                    }
                    if (!running.isAlive()) {
                        throw new IllegalStateException("wrk ended with " + rows.getInt(1) + " of " + tasks
                                + " claimed:\n" + output.get());
                    }
                    Thread.sleep(100);
                }
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(running.pid())).start().waitFor();
            running.waitFor();
            Matcher counted = WRK_CLAIMS.matcher(output.get());
            if (!counted.find()) {
                throw new IllegalStateException("wrk said:\n" + output.get());
            }
            wrkRate = tasks / (Duration.between(wrkStart, lastClaim).toNanos() / 1e9);
            System.out.printf("wrk: %d claims answered 200 (the last in flight may be cut off by the stop)%n",
                    Integer.parseInt(counted.group(1)));
        }

        // The same rows reopened, claimed by the bare statement under pgbench with the same concurrency.
        reopen(jdbcUrl, language);
        Path script = Files.createTempFile("claim", ".sql");
        Files.writeString(script, """
                UPDATE tasks SET state = 'CLAIMED', holder_id = '%s', lease_expires_at = now() + interval '2 hours',
                       lease_count = lease_count + 1, version = version + 1, updated_at = now()
                 WHERE id = (SELECT id FROM tasks WHERE state = 'OPEN' AND language = '%s'
                              ORDER BY priority DESC, due_at ASC NULLS LAST, created_at, id
                              LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id;
                """.replace("\n", " ").formatted(translatorId, language) + "\n");
        int perClient = tasks / clients;
        Process pgbench = new ProcessBuilder("sh", "-c", "pgbench -n -c " + clients + " -j 2 -t " + perClient + " -f "
                + script + " " + pgbenchConnection).redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        pgbench.waitFor();
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        double sqlRate = Double.parseDouble(tps.group(1));

        System.out.printf("%d tasks, %d concurrent claimers (one translator each), %d cores%n", tasks, clients,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("API claim-next, Java load generator (%d threads):  %8.0f claims/s%n", clients, apiRate);
        if (!Double.isNaN(wrkRate)) {
            System.out.printf("API claim-next, wrk -t2 -c%d (bench/claim-next.lua): %6.0f claims/s%n", clients, wrkRate);
        } else {
            System.out.println("API claim-next, wrk: skipped (not installed, or BENCH_WRK=0)");
        }
        System.out.printf("bare claim SQL under pgbench:                      %8.0f claims/s%n", sqlRate);
        System.out.printf("ratio API / bare SQL, Java generator:              %8.2f%n", apiRate / sqlRate);
        if (!Double.isNaN(wrkRate)) {
            System.out.printf("ratio API / bare SQL, wrk:                         %8.2f%n", wrkRate / sqlRate);
        }
    }

    private static void reopen(String jdbcUrl, String language) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.createStatement().executeUpdate("UPDATE tasks SET state = 'OPEN', holder_id = NULL, lease_expires_at = NULL"
                    + " WHERE language = '" + language + "'");
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String account(URI base, String admin, String username, String roles, String language) throws Exception {
        return created(send(base, "POST", "/api/accounts", admin, """
                {"username":"%s","displayName":"Bench","password":"bench-password-1","roles":%s,"languages":["%s"]}"""
                .formatted(username, roles, language), 201));
    }

    private static String created(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return matcher.group(1);
    }

    private static String signIn(URI base, String username, String password) throws Exception {
        HttpResponse<String> response = send(base, "POST", "/api/auth/tokens", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 201);
        Matcher matcher = TOKEN.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + response.body());
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String body,
                                             int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
