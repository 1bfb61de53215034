import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 */
public class EditorialBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final int EDITORS = 4;

    public static void main(String[] args) throws Exception {
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

    private interface Call {
        void run(int editor) throws Exception;
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
