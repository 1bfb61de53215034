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
 * the same run against the same database and rows, the rate of the bare claim statement and of Newsdesk's own
 * claim-next statement run by pgbench with the same concurrency. The API is loaded by this JVM's threads once (a
 * warm-up), then by wrk (bench/claim-next.lua) for BENCH_ROUNDS rounds when it is installed, whose C event loop
 * leaves the 2 cores to the server; each round prints where the CPU went. Run by bench/claims.sh.
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
        // Fresh statistics, as autovacuum would have them on a desk that has been running: without them the
        // planner may join the claimed task to its source revision by scanning every revision.
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.createStatement().execute("ANALYZE");
        }

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
        // generator's own CPU use does not cap what the server shows; one connection per claimer. Several rounds,
        // the median reported: the Java round above warms the JIT, and one short round is at the machine's mercy.
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3"));
        long serverPid = Long.parseLong(System.getenv().getOrDefault("BENCH_SERVER_PID", "0"));
        List<Double> wrkRates = new ArrayList<>();
        boolean wrkOn = !"0".equals(System.getenv("BENCH_WRK")) && onPath("wrk");
        for (int round = 1; wrkOn && round <= rounds; round++) {
            reopen(jdbcUrl, language);
            Cpu before = Cpu.now(serverPid);
            double rate = wrkRound(base, jdbcUrl, translators, language, tasks);
            Cpu used = Cpu.now(serverPid).minus(before);
            wrkRates.add(rate);
            System.out.printf("wrk round %d: %5.0f claims/s; machine busy %3.0f%% of %d cores; CPU per claim: server JVM"
                    + " %.2f ms, PostgreSQL %.2f ms, the rest (wrk, this JVM, anything else) %.2f ms%n", round, rate,
                    100 * used.busyShare(), Runtime.getRuntime().availableProcessors(),
                    1000 * used.serverSeconds() / tasks, 1000 * used.postgresSeconds() / tasks,
                    1000 * (used.busySeconds() - used.serverSeconds() - used.postgresSeconds()) / tasks);
        }

        // The same rows reopened, claimed by the bare statement under pgbench with the same concurrency; then by
        // Newsdesk's own claim-next statement (TaskRepository#claimNext from the open queue: the account lock, the
        // cap, the audit events and the view's source text), each client one of the bench's translators.
        String bare = """
                UPDATE tasks SET state = 'CLAIMED', holder_id = '%s', lease_expires_at = now() + interval '2 hours',
                       lease_count = lease_count + 1, version = version + 1, updated_at = now()
                 WHERE id = (SELECT id FROM tasks WHERE state = 'OPEN' AND language = '%s'
                              ORDER BY priority DESC, due_at ASC NULLS LAST, created_at, id
                              LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id;
                """.formatted(translatorId, language);
        String full = """
                WITH me AS MATERIALIZED (
                         SELECT id, username FROM accounts WHERE username = 'bench-translator-' || :client_id || '-%2$s'
                            FOR NO KEY UPDATE),
                     room AS MATERIALIZED (SELECT id, username, live_claims(id, now()) AS held FROM me),
                     picked AS MATERIALIZED (
                         SELECT t.id, t.holder_id, t.state FROM tasks t
                          WHERE t.state = 'OPEN' AND t.language = '%1$s' AND EXISTS (SELECT 1 FROM room WHERE room.held < 1000000)
                          ORDER BY t.priority DESC, t.due_at ASC NULLS LAST, t.created_at, t.id
                          LIMIT 1 FOR UPDATE SKIP LOCKED),
                     claimed AS (
                         UPDATE tasks t SET state = 'CLAIMED', holder_id = room.id, lease_expires_at = now() + interval '2 hours',
                                            lease_count = t.lease_count + 1, version = t.version + 1, updated_at = now()
                           FROM picked p, room
                          WHERE t.id = p.id AND t.state = p.state AND (t.state = 'OPEN' OR t.lease_expires_at <= now())
                          RETURNING t.*, p.holder_id AS former_holder_id, p.state AS former_state),
                     audit AS (
                         INSERT INTO events (article_id, language, actor_id, action, detail, created_at)
                         SELECT c.article_id, c.language, e.actor_id, e.action, e.detail, now()
                           FROM claimed c CROSS JOIN LATERAL (VALUES
                                (1, NULL::uuid, 'lease-expired', 'held by ' || c.former_holder_id),
                                (2, c.holder_id, 'claim', 'task ' || c.id)) AS e (n, actor_id, action, detail)
                          WHERE e.n = 2 OR c.former_state = 'CLAIMED'
                          ORDER BY c.id, e.n)
                SELECT room.held, room.username AS holder, c.*, s.language AS source_language,
                       s.current_revision AS current_source_revision, r.title AS source_title,
                       r.summary AS source_summary, r.body AS source_body,
                       EXISTS (SELECT 1 FROM task_comments tc WHERE tc.task_id = c.id) AS has_comments,
                       (SELECT g.generation FROM glossary_pairs g
                         WHERE g.source_language = s.language AND g.target_language = c.language) AS glossary_generation
                  FROM room
                  LEFT JOIN claimed c ON true
                  LEFT JOIN editions s ON s.article_id = c.article_id AND s.is_source
                  LEFT JOIN revisions r ON r.article_id = c.article_id AND r.language = s.language
                                       AND r.number = c.source_revision;
                """.formatted(language, suffix);
        List<Double> bareRates = new ArrayList<>();
        List<Double> fullRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            reopen(jdbcUrl, language);
            Cpu before = Cpu.now(0);
            bareRates.add(pgbench(bare, clients, tasks, pgbenchConnection));
            Cpu bareCpu = Cpu.now(0).minus(before);
            reopen(jdbcUrl, language);
            before = Cpu.now(0);
            fullRates.add(pgbench(full, clients, tasks, pgbenchConnection));
            Cpu fullCpu = Cpu.now(0).minus(before);
            System.out.printf("pgbench round %d: bare %5.0f claims/s, machine busy %3.0f%%; Newsdesk's statement %5.0f"
                    + " claims/s, machine busy %3.0f%%%n", round, bareRates.get(round - 1), 100 * bareCpu.busyShare(),
                    fullRates.get(round - 1), 100 * fullCpu.busyShare());
            if (claimedCount(jdbcUrl, language) < tasks - clients) {
                throw new IllegalStateException("Newsdesk's statement under pgbench claimed "
                        + claimedCount(jdbcUrl, language) + " of " + tasks);
            }
        }
        double sqlRate = median(bareRates);
        double fullRate = median(fullRates);

        System.out.printf("%d tasks, %d concurrent claimers (one translator each), %d cores, median of %d rounds%n",
                tasks, clients, Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf("API claim-next, Java load generator (%d threads, warm-up): %5.0f claims/s%n", clients, apiRate);
        double wrkRate = wrkRates.isEmpty() ? Double.NaN : median(wrkRates);
        if (!Double.isNaN(wrkRate)) {
            System.out.printf("API claim-next, wrk -t2 -c%d (bench/claim-next.lua): %6.0f claims/s  rounds %s%n", clients,
                    wrkRate, rates(wrkRates));
        } else {
            System.out.println("API claim-next, wrk: skipped (not installed, or BENCH_WRK=0)");
        }
        System.out.printf("bare claim SQL under pgbench:                      %8.0f claims/s  rounds %s%n", sqlRate,
                rates(bareRates));
        System.out.printf("Newsdesk's claim-next statement under pgbench:     %8.0f claims/s  rounds %s%n", fullRate,
                rates(fullRates));
        System.out.printf("ratio API / bare SQL, Java generator:              %8.2f%n", apiRate / sqlRate);
        if (!Double.isNaN(wrkRate)) {
            System.out.printf("ratio API / bare SQL, wrk:                         %8.2f%n", wrkRate / sqlRate);
            System.out.printf("ratio API / Newsdesk's statement, wrk:             %8.2f%n", wrkRate / fullRate);
        }
    }

    /** One wrk round emptying the queue; the rate runs from its start to the last claim's time in the database. */
    private static double wrkRound(URI base, String jdbcUrl, List<String> translators, String language, int tasks)
            throws Exception {
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + translators.size(), "-d600s", "--timeout", "30s",
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
                Thread.sleep(20);
            }
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(running.pid())).start().waitFor();
        running.waitFor();
        Matcher counted = WRK_CLAIMS.matcher(output.get());
        if (!counted.find()) {
            throw new IllegalStateException("wrk said:\n" + output.get());
        }
        return tasks / (Duration.between(wrkStart, lastClaim).toNanos() / 1e9);
    }

    /**
     * Transactions per second of one SQL script under pgbench, the queue's tasks split across the clients. Prepared
     * statements (-M prepared), as the server's JDBC driver uses them for a statement it runs again and again: the
     * database's best case, not re-planning each claim.
     */
    private static double pgbench(String sql, int clients, int tasks, String connection) throws Exception {
        Path script = Files.createTempFile("claim", ".sql");
        Files.writeString(script, sql.replace("\n", " ").strip() + "\n");
        Process pgbench = new ProcessBuilder("sh", "-c", "pgbench -n -M prepared -c " + clients + " -j 2 -t " + tasks / clients
                + " -f " + script + " " + connection).redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        pgbench.waitFor();
        Files.delete(script);
        Matcher tps = TPS.matcher(output);
        if (!tps.find() || output.contains("ERROR")) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static int claimedCount(String jdbcUrl, String language) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            var rows = db.createStatement().executeQuery("SELECT count(*) FROM tasks WHERE state = 'CLAIMED' AND language = '"
                    + language + "'");
            rows.next();
            return rows.getInt(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rates(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * CPU seconds used so far: by the whole machine (busy, from /proc/stat) and by the server's JVM (its
     * /proc/PID/stat; 0 when the pid is not known), and the wall time, to tell what a claim costs in CPU.
     */
    record Cpu(double busySeconds, double totalSeconds, double serverSeconds, double postgresSeconds) {
        static final double TICK = 100.0; // USER_HZ on Linux

        static Cpu now(long serverPid) throws Exception {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double busy = 0;
            double total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                double ticks = Double.parseDouble(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += ticks;
                }
            }
            double server = serverPid > 0 ? processSeconds(Path.of("/proc/" + serverPid)) : 0;
            // Every PostgreSQL process on the machine (the pool's connections live through a round).
            double postgres = 0;
            try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                            postgres += processSeconds(process);
                        }
                    } catch (java.io.IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return new Cpu(busy / TICK, total / TICK, server, postgres);
        }

        private static double processSeconds(Path process) throws java.io.IOException {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12])) / TICK;
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(busySeconds - earlier.busySeconds, totalSeconds - earlier.totalSeconds,
                    serverSeconds - earlier.serverSeconds, postgresSeconds - earlier.postgresSeconds);
        }

        double busyShare() {
            return busySeconds / totalSeconds;
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
