import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client, sequential calls: the latency of create / edit / publish over N stories, and of GET /health
 * measured in the same run as the server's own floor. Run by bench/editorial.sh.
 */
public class EditorialBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String adminPassword = args[1];
        int calls = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);

        String admin = signIn(base, "admin", adminPassword);
        String editorName = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        send(base, "POST", "/api/accounts", admin, null, """
                {"username":"%s","displayName":"Bench","password":"bench-password-1","roles":["EDITOR"]}"""
                .formatted(editorName), 201);
        String editor = signIn(base, editorName, "bench-password-1");

        List<Long> create = new ArrayList<>();
        List<Long> edit = new ArrayList<>();
        List<Long> publish = new ArrayList<>();
        List<Long> health = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
            boolean measured = i >= warmup;
            String body = """
                    {"sourceLanguage":"uk","section":"bench","tags":["bench"],"byline":"Бенч","title":"Новина %d %s",
                     "summary":"Коротко про все","body":"<p>Перший абзац новини.</p><p>Другий абзац з <a href=\\"https://example.org\\">посиланням</a>.</p>"}"""
                    .formatted(i, UUID.randomUUID());
            long t0 = System.nanoTime();
            HttpResponse<String> created = send(base, "POST", "/api/articles", editor, null, body, 201);
            long t1 = System.nanoTime();
            String edition = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                    + "/editions/uk";
            send(base, "PUT", edition, editor, "\"1\"", """
                    {"title":"Новина %d, оновлено","summary":"Коротко","body":"<p>Виправлений абзац.</p>"}""".formatted(i), 200);
            long t2 = System.nanoTime();
            send(base, "POST", edition + "/publish", editor, "\"2\"", "{}", 200);
            long t3 = System.nanoTime();
            send(base, "GET", "/health", null, null, null, 200);
            long t4 = System.nanoTime();
            if (measured) {
                create.add(t1 - t0);
                edit.add(t2 - t1);
                publish.add(t3 - t2);
                health.add(t4 - t3);
            }
        }
        double healthMedian = percentile(health, 50);
        System.out.printf("%d calls each, one client, after %d warm-up rounds%n", calls, warmup);
        System.out.printf("%-8s %10s %10s %16s%n", "call", "median ms", "p99 ms", "median / health");
        for (var row : List.of(List.of("create", create), List.of("edit", edit), List.of("publish", publish),
                List.of("health", health))) {
            @SuppressWarnings("unchecked")
            List<Long> times = (List<Long>) row.get(1);
            System.out.printf("%-8s %10.2f %10.2f %16.1f%n", row.get(0), percentile(times, 50) / 1e6,
                    percentile(times, 99) / 1e6, percentile(times, 50) / healthMedian);
        }
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

    private static HttpResponse<String> send(URI base, String method, String path, String token, String ifMatch,
                                             String body, int expected) throws Exception {
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
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
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
