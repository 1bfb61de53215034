import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client, sequential calls: the latency of create (with an Idempotency-Key, as the README's client sends
 * it) / save / publish over N stories, and of GET /health/live (Payara's health servlet) and GET /api/ping (the
 * application's own do-nothing JAX-RS endpoint), neither asking the database, measured in the same run as the
 * server's own floors. Then publish throughput from 4 concurrent editors, each publishing stories of its own,
 * beside both floors from 4 concurrent clients. Run by bench/editorial.sh.
 *
 * With {@code cpu} first ({@link #cpuPerCall}, run by bench/editorial-cpu.sh): the server's CPU time per call of
 * each kind instead.
 */
public class EditorialBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final int EDITORS = 4;

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        if (args[0].equals("cpu")) {
            cpuPerCall(URI.create(args[1]), args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            return;
        }
        URI base = URI.create(args[0]);
        String adminPassword = args[1];
        int calls = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);

        String admin = signIn(base, "admin", adminPassword);
        List<String> editors = new ArrayList<>();
        for (int e = 0; e < EDITORS; e++) {
            String editorName = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            send(base, "POST", "/api/accounts", admin, null, """
                    {"username":"%s","displayName":"Bench","password":"bench-password-1","roles":["EDITOR"]}"""
                    .formatted(editorName), 201);
            editors.add(signIn(base, editorName, "bench-password-1"));
        }
        String editor = editors.get(0);

        List<Long> create = new ArrayList<>();
        List<Long> edit = new ArrayList<>();
        List<Long> publish = new ArrayList<>();
        List<Long> live = new ArrayList<>();
        List<Long> ping = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
            boolean measured = i >= warmup;
            long t0 = System.nanoTime();
            String edition = create(base, editor, i);
            long t1 = System.nanoTime();
            save(base, editor, edition, i);
            long t2 = System.nanoTime();
            send(base, "POST", edition + "/publish", editor, "\"2\"", "{}", 200);
            long t3 = System.nanoTime();
            send(base, "GET", "/health/live", null, null, null, 200);
            long t4 = System.nanoTime();
            send(base, "GET", "/api/ping", null, null, null, 204);
            long t5 = System.nanoTime();
            if (measured) {
                create.add(t1 - t0);
                edit.add(t2 - t1);
                publish.add(t3 - t2);
                live.add(t4 - t3);
                ping.add(t5 - t4);
            }
        }
        double floor = percentile(live, 50);
        double pingFloor = percentile(ping, 50);
        System.out.printf("%d calls each, one client, after %d warm-up rounds; %d cores%n", calls, warmup,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-12s %10s %10s %20s %17s%n", "call", "median ms", "p99 ms", "median / health/live",
                "median / api/ping");
        for (var row : List.of(List.of("create", create), List.of("save", edit), List.of("publish", publish),
                List.of("health/live", live), List.of("api/ping", ping))) {
            @SuppressWarnings("unchecked")
            List<Long> times = (List<Long>) row.get(1);
            System.out.printf("%-12s %10.2f %10.2f %20.2f %17.2f%n", row.get(0), percentile(times, 50) / 1e6,
                    percentile(times, 99) / 1e6, percentile(times, 50) / floor, percentile(times, 50) / pingFloor);
        }

        // Throughput: each editor has its own saved stories ready; all four publish theirs at once.
        int perEditor = Math.max(50, calls / 2);
        List<List<String>> ready = new ArrayList<>();
        for (int e = 0; e < EDITORS; e++) {
            List<String> editions = new ArrayList<>();
            for (int i = 0; i < perEditor; i++) {
                String edition = create(base, editors.get(e), i);
                save(base, editors.get(e), edition, i);
                editions.add(edition);
            }
            ready.add(editions);
        }
        double publishRate = concurrently(perEditor, e -> send(base, "POST", ready.get(e).remove(0) + "/publish",
                editors.get(e), "\"2\"", "{}", 200));
        double liveRate = concurrently(perEditor, e -> send(base, "GET", "/health/live", null, null, null, 200));
        double pingRate = concurrently(perEditor, e -> send(base, "GET", "/api/ping", null, null, null, 204));
        System.out.printf("%d concurrent editors, %d publishes each:%n", EDITORS, perEditor);
        System.out.printf("  publish          %8.0f /s%n", publishRate);
        System.out.printf("  health/live      %8.0f /s  (4 clients, same run; publish / live %.2f)%n", liveRate,
                publishRate / liveRate);
        System.out.printf("  api/ping         %8.0f /s  (4 clients, same run; publish / ping %.2f)%n", pingRate,
                publishRate / pingRate);
    }

    /**
     * The server's CPU time per call of create / save / publish against GET /health/live and GET /api/ping: each kind
     * of call N times in a row, the server process's CPU time (utime + stime from /proc, all its threads: GC and JIT
     * included) read before and after. CPU time is what a change to the JVM's work per write moves, and unlike
     * latency it hardly moves when other processes share the cores. What the idle server burns meanwhile (its
     * pollers, the JIT) is measured over 2 s before each round and taken off, pro rata of each phase's wall time.
     * Repeated R times; prints the median of the rounds.
     */
    private static void cpuPerCall(URI base, String adminPassword, long pid, int calls, int warmup, int rounds)
            throws Exception {
        String admin = signIn(base, "admin", adminPassword);
        String name = "cpu-" + UUID.randomUUID().toString().substring(0, 8);
        send(base, "POST", "/api/accounts", admin, null, """
                {"username":"%s","displayName":"Bench","password":"bench-password-1","roles":["EDITOR"]}"""
                .formatted(name), 201);
        String editor = signIn(base, name, "bench-password-1");
        for (int i = 0; i < warmup; i++) {
            String edition = create(base, editor, i);
            save(base, editor, edition, i);
            send(base, "POST", edition + "/publish", editor, "\"2\"", "{}", 200);
            send(base, "GET", "/health/live", null, null, null, 200);
            send(base, "GET", "/api/ping", null, null, null, 204);
        }
        List<String> names = List.of("create", "save", "publish", "health/live", "api/ping");
        List<List<Double>> cpu = new ArrayList<>();
        List<List<Double>> wall = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            cpu.add(new ArrayList<>());
            wall.add(new ArrayList<>());
        }
        List<Double> idle = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long idleStart = System.nanoTime();
            long idleBefore = cpuTicks(pid);
            Thread.sleep(2000);
            double idleRate = (cpuTicks(pid) - idleBefore) * 1e6 / TICKS_PER_SECOND / ((System.nanoTime() - idleStart) / 1e9);
            idle.add(idleRate);
            List<String> editions = new ArrayList<>();
            List<Call> phases = List.of(
                    i -> editions.add(create(base, editor, i)),
                    i -> save(base, editor, editions.get(i), i),
                    i -> send(base, "POST", editions.get(i) + "/publish", editor, "\"2\"", "{}", 200),
                    i -> send(base, "GET", "/health/live", null, null, null, 200),
                    i -> send(base, "GET", "/api/ping", null, null, null, 204));
            for (int k = 0; k < phases.size(); k++) {
                List<Long> times = new ArrayList<>();
                long start = System.nanoTime();
                long before = cpuTicks(pid);
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    phases.get(k).run(i);
                    times.add(System.nanoTime() - t0);
                }
                long after = cpuTicks(pid);
                double background = idleRate * (System.nanoTime() - start) / 1e9;
                cpu.get(k).add(((after - before) * 1e6 / TICKS_PER_SECOND - background) / calls);
                wall.get(k).add(median(times) / 1e6);
            }
        }
        double liveCpu = median(cpu.get(3));
        double liveWall = median(wall.get(3));
        System.out.printf("%d calls of each kind in a row, %d rounds (medians of the rounds), after %d warm-up rounds;"
                + " idle server %.0f µs CPU/s taken off%n", calls, rounds, warmup, median(idle));
        System.out.printf("%-12s %16s %14s %12s %20s%n", "call", "server CPU µs", "CPU / live", "median ms",
                "median / health/live");
        for (int k = 0; k < names.size(); k++) {
            System.out.printf("%-12s %16.0f %14.2f %12.2f %20.2f%n", names.get(k), median(cpu.get(k)),
                    median(cpu.get(k)) / liveCpu, median(wall.get(k)), median(wall.get(k)) / liveWall);
        }
    }


    /** utime + stime of the whole process (fields 14 and 15 of /proc/PID/stat, after the command's parentheses). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static <T extends Number> double median(List<T> values) {
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** One call of a kind: the editor's number, or the call's number in {@link #cpuPerCall}. */
    private interface Call {
        void run(int n) throws Exception;
    }

    /** Calls per second with one thread per editor, each making {@code each} calls. */
    private static double concurrently(int each, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int e = 0; e < EDITORS; e++) {
            int editor = e;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    call.run(editor);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return EDITORS * each / ((System.nanoTime() - start) / 1e9);
    }

    /** Creates a story (with an Idempotency-Key) and returns its source edition's path. */
    private static String create(URI base, String editor, int i) throws Exception {
        String body = """
                {"sourceLanguage":"uk","section":"bench","tags":["bench"],"byline":"Бенч","title":"Новина %d %s",
                 "summary":"Коротко про все","body":"<p>Перший абзац новини.</p><p>Другий абзац з <a href=\\"https://example.org\\">посиланням</a>.</p>"}"""
                .formatted(i, UUID.randomUUID());
        HttpRequest.Builder request = request(base, "POST", "/api/articles", editor, null, body)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> created = check(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), 201);
        return created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                + "/editions/uk";
    }

    private static void save(URI base, String editor, String edition, int i) throws Exception {
        send(base, "PUT", edition, editor, "\"1\"", """
                {"title":"Новина %d, оновлено","summary":"Коротко","body":"<p>Виправлений абзац.</p>"}""".formatted(i), 200);
    }

    private static String signIn(URI base, String username, String password) throws Exception {
        HttpResponse<String> response = send(base, "POST", "/api/auth/tokens", null, null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 201);
        Matcher matcher = TOKEN.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + response.body());
        }
        return matcher.group(1);
    }

    private static HttpRequest.Builder request(URI base, String method, String path, String token, String ifMatch,
                                               String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request;
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String ifMatch,
                                             String body, int expected) throws Exception {
        return check(HTTP.send(request(base, method, path, token, ifMatch, body).build(),
                HttpResponse.BodyHandlers.ofString()), expected);
    }

    private static HttpResponse<String> check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static double percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
