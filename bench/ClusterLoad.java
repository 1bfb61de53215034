import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A newsroom's mixed load through the proxy, for bench/cluster.sh: editors writing, publishing and editing one
 * contended story; 32 translators claiming and submitting; reviewers approving; feed readers with conditional
 * GETs. Optionally restarts one instance in the middle (a shell command). Checks at the end: no task claimed
 * twice, no lost update on the contended story, every publish seen on every instance's feed within the bound,
 * 5xx counted apart during the restart; prints p50/p99 per endpoint, throughput, and the soak samples (RSS per
 * instance, database connections, table sizes).
 *
 * Args: proxyUrl adminPassword jdbcUrl seconds instanceUrls(comma) pidFiles(comma) boundSeconds [restartCommand]
 */
public class ClusterLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String[] LANGUAGES = {"en", "ru"};

    static URI proxy;
    static volatile long restartFrom = Long.MAX_VALUE;
    static volatile long restartTo = Long.MAX_VALUE;
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final AtomicInteger errors5xx = new AtomicInteger();
    static final AtomicInteger errors5xxDuringRestart = new AtomicInteger();
    static final AtomicInteger ioErrors = new AtomicInteger();
    static final AtomicInteger ioErrorsDuringRestart = new AtomicInteger();
    static final AtomicInteger unexpected = new AtomicInteger();
    static final AtomicInteger unexpectedDuringRestart = new AtomicInteger();
    static final List<String> unexpectedSamples = new CopyOnWriteArrayList<>();

    record Publish(String language, String slug, long at) {}

    public static void main(String[] args) throws Exception {
        proxy = URI.create(args[0]);
        String adminPassword = args[1];
        String jdbcUrl = args[2];
        int seconds = Integer.parseInt(args[3]);
        List<URI> instances = Pattern.compile(",").splitAsStream(args[4]).map(URI::create).toList();
        List<Path> pidFiles = Pattern.compile(",").splitAsStream(args[5]).map(Path::of).toList();
        long boundMillis = Long.parseLong(args[6]) * 1000;
        String restartCommand = args.length > 7 ? args[7] : null;

        String admin = signIn("admin", adminPassword);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> editors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            editors.add(person(admin, "ed-" + run + "-" + i, "[\"EDITOR\"]", "[\"uk\",\"en\",\"ru\"]"));
        }
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reviewers.add(person(admin, "rv-" + run + "-" + i, "[\"REVIEWER\"]", "[\"en\",\"ru\"]"));
        }
        List<String> translators = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            translators.add(person(admin, "tr-" + run + "-" + i, "[\"TRANSLATOR\"]", "[\"" + LANGUAGES[i % 2] + "\"]"));
        }

        // The contended story: two editors keep revising it with If-Match; every accepted save must survive.
        String contended = id(call("create", "POST", "/api/articles", editors.get(0), null, story("Спірна новина"), 201));
        java.util.concurrent.ConcurrentSkipListMap<Integer, String> acceptedSaves = new java.util.concurrent.ConcurrentSkipListMap<>();

        ConcurrentLinkedQueue<String[]> approved = new ConcurrentLinkedQueue<>(); // {articleId, language}
        Set<String> claimedTasks = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleClaims = new AtomicInteger();
        List<Publish> publishes = new CopyOnWriteArrayList<>();
        AtomicLong operations = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);

        ExecutorService pool = Executors.newCachedThreadPool();
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int e = 0; e < editors.size(); e++) {
            String editor = editors.get(e);
            boolean contends = e < 2;
            workers.add(pool.submit(() -> loop(end, () -> {
                String[] ready = approved.poll();
                if (ready != null) {
                    String edition = "/api/articles/" + ready[0] + "/editions/" + ready[1];
                    HttpResponse<String> read = call("edition", "GET", edition, editor, null, null, 200);
                    HttpResponse<String> done = call("publish", "POST", edition + "/publish", editor,
                            read.headers().firstValue("ETag").orElse(null), "{}", 200);
                    publishes.add(new Publish(ready[1], slug(done.body()), System.currentTimeMillis()));
                } else {
                    String article = id(call("create", "POST", "/api/articles", editor, null,
                            story("Новина " + UUID.randomUUID()), 201));
                    HttpResponse<String> done = call("publish", "POST", "/api/articles/" + article + "/editions/uk/publish",
                            editor, "\"1\"", "{}", 200);
                    publishes.add(new Publish("uk", slug(done.body()), System.currentTimeMillis()));
                    call("request", "POST", "/api/articles/" + article + "/translations", editor, null,
                            "{\"languages\":[\"en\",\"ru\"]}", 201);
                }
                if (contends) {
                    String edition = "/api/articles/" + contended + "/editions/uk";
                    HttpResponse<String> read = call("edition", "GET", edition, editor, null, null, 200);
                    String text = "<p>Правка " + UUID.randomUUID() + "</p>";
                    HttpResponse<String> saved = call("save", "PUT", edition, editor,
                            read.headers().firstValue("ETag").orElse(null),
                            "{\"title\":\"Спірна новина\",\"summary\":\"Коротко\",\"body\":\"" + text + "\"}", -1);
                    if (saved.statusCode() == 200) {
                        acceptedSaves.put(revision(saved.body()), text);
                    } else if (saved.statusCode() != 412) {
                        unexpected(saved, "save");
                    }
                }
                operations.incrementAndGet();
                pause(300);
            })));
        }
        for (String translator : translators) {
            workers.add(pool.submit(() -> loop(end, () -> {
                HttpResponse<String> claim = call("claim-next", "POST", "/api/tasks/claim-next", translator, null, "{}", -1);
                if (claim.statusCode() == 204) {
                    pause(500);
                    return;
                }
                if (claim.statusCode() != 200) {
                    unexpected(claim, "claim-next");
                    return;
                }
                String task = topLevelId(claim.body());
                if (!claimedTasks.add(task)) {
                    doubleClaims.incrementAndGet();
                }
                pause(200);
                call("submit", "POST", "/api/tasks/" + task + "/submit", translator, null,
                        "{\"title\":\"Translated " + task + "\",\"summary\":\"Short\",\"body\":\"<p>Text.</p>\"}", 200);
                operations.incrementAndGet();
            })));
        }
        for (String reviewer : reviewers) {
            workers.add(pool.submit(() -> loop(end, () -> {
                HttpResponse<String> queue = call("queue", "GET", "/api/tasks?state=SUBMITTED&limit=10", reviewer, null, null, 200);
                List<String[]> items = submittedTasks(queue.body());
                if (items.isEmpty()) {
                    pause(500);
                    return;
                }
                String[] item = items.get(ThreadLocalRandom.current().nextInt(items.size()));
                HttpResponse<String> verdict = call("approve", "POST", "/api/tasks/" + item[0] + "/approve", reviewer, null,
                        "{}", -1);
                if (verdict.statusCode() == 200) {
                    approved.add(new String[] {item[1], item[2]});
                    operations.incrementAndGet();
                } else if (verdict.statusCode() != 409) { // another reviewer was first
                    unexpected(verdict, "approve");
                }
            })));
        }
        for (int r = 0; r < 8; r++) {
            String language = r % 2 == 0 ? "uk" : LANGUAGES[(r / 2) % 2];
            workers.add(pool.submit(() -> {
                String etag = null;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> feed = call("feed", "GET", "/feeds/" + language + "/atom.xml", null, etag, null, -1);
                        if (feed.statusCode() == 200) {
                            etag = feed.headers().firstValue("ETag").orElse(null);
                        } else if (feed.statusCode() != 304) {
                            unexpected(feed, "feed");
                        }
                        operations.incrementAndGet();
                    } catch (Exception e) {
                        // counted in call()
                    }
                    pause(100);
                }
                return null;
            }));
        }

        // Every publish on every instance's own feed: the time until its slug is listed there.
        Map<String, Long> seenAfter = new ConcurrentHashMap<>(); // "publishIndex@instance" -> millis
        workers.add(pool.submit(() -> {
            long stopAt = end + TimeUnit.MILLISECONDS.toNanos(boundMillis + 10_000);
            while (System.nanoTime() < stopAt) {
                for (URI instance : instances) {
                    for (String language : List.of("uk", "en", "ru")) {
                        String body;
                        try {
                            HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(instance.resolve("/feeds/" + language
                                    + "/atom.xml")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                            if (feed.statusCode() != 200) {
                                continue;
                            }
                            body = feed.body();
                        } catch (Exception e) {
                            continue; // the instance is restarting
                        }
                        long now = System.currentTimeMillis();
                        for (int i = 0; i < publishes.size(); i++) {
                            Publish p = publishes.get(i);
                            String key = i + "@" + instance;
                            if (p.language().equals(language) && !seenAfter.containsKey(key) && (body.contains("/" + p.slug() + "\"") || body.contains("/" + p.slug() + "<"))) {
                                seenAfter.put(key, now - p.at());
                            }
                        }
                    }
                }
                pause(250);
            }
            return null;
        }));

        // Soak samples every 15 s; the restart in the middle.
        List<String> samples = new ArrayList<>();
        String header = String.format("%6s %s %8s %8s %8s %8s %8s", "t s", instances.stream().map(i -> String.format("%9s", "RSS:" + i.getPort())).reduce("", String::concat),
                "db conn", "idemp", "loginf", "outbox", "tokens");
        boolean restarted = restartCommand == null;
        while (System.nanoTime() < end) {
            samples.add(sample(start, pidFiles, jdbcUrl));
            if (!restarted && System.nanoTime() > start + (end - start) / 2) {
                restarted = true;
                restartFrom = System.currentTimeMillis();
                Process p = new ProcessBuilder("bash", "-c", restartCommand).inheritIO().start();
                p.waitFor();
                restartTo = System.currentTimeMillis() + 2_000; // nginx's fail_timeout lets it back in
                continue;
            }
            pause(15_000);
        }
        for (java.util.concurrent.Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        samples.add(sample(start, pidFiles, jdbcUrl));

        // The contended story: every accepted save is a revision, and the last accepted one is what it says now.
        HttpResponse<String> finalEdition = call("edition", "GET", "/api/articles/" + contended + "/editions/uk", editors.get(0), null, null, 200);
        int finalRevision = revision(finalEdition.body());
        String lastAccepted = acceptedSaves.isEmpty() ? null : acceptedSaves.lastEntry().getValue();
        boolean noLostUpdate = finalRevision == acceptedSaves.size() + 1
                && (lastAccepted == null || finalEdition.body().contains(lastAccepted.replace("\"", "\\\"")));

        // Claims in the database: a task claimed by two people would show two claim events without a release between.
        int dbDoubleClaims;
        try (Connection db = DriverManager.getConnection(jdbcUrl); ResultSet rs = db.createStatement().executeQuery("""
                SELECT count(*) FROM (SELECT article_id, language FROM events WHERE action IN ('claim', 'release', 'lease-expired', 'reassign')
                  GROUP BY article_id, language
                 HAVING count(*) FILTER (WHERE action = 'claim') > 1 + count(*) FILTER (WHERE action <> 'claim')) d""")) {
            rs.next();
            dbDoubleClaims = rs.getInt(1);
        }

        int seen = 0;
        int late = 0;
        int missing = 0;
        int overRestart = 0;
        int offFirstPage = 0;
        long worst = 0;
        List<Long> visibility = new ArrayList<>();
        for (int i = 0; i < publishes.size(); i++) {
            for (URI instance : instances) {
                Long after = seenAfter.get(i + "@" + instance);
                if (after != null && publishes.get(i).at() <= restartTo && publishes.get(i).at() + after >= restartFrom) {
                    // Seen only after the restart: an instance that is down shows no feed, so the bound counts
                    // from the moment the restarted instance was back.
                    overRestart++;
                    after = Math.max(0, publishes.get(i).at() + after - Math.max(publishes.get(i).at(), restartTo));
                }
                if (after == null && publishes.get(i).at() <= restartTo && onSite(instance, publishes.get(i))) {
                    // Never seen on the feed's first page (50 entries): an instance that was down while more
                    // than a page was published shows those stories in its archives, not on page 1. The site
                    // API on that instance must still have the story.
                    offFirstPage++;
                    continue;
                }
                if (after == null) {
                    missing++;
                } else {
                    seen++;
                    visibility.add(after);
                    worst = Math.max(worst, after);
                    if (after > boundMillis) {
                        late++;
                    }
                }
            }
        }

        System.out.printf("%d instances behind nginx, %d s of mixed load (4 editors, 32 translators, 4 reviewers, 8 feed readers)%s%n",
                instances.size(), seconds, restartCommand == null ? "" : ", one instance restarted in the middle");
        System.out.printf("operations: %d (%.1f/s); publishes: %d%n", operations.get(), operations.get() / elapsed, publishes.size());
        System.out.printf("%-12s %8s %9s %9s%n", "endpoint", "calls", "p50 ms", "p99 ms");
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            System.out.printf("%-12s %8d %9.1f %9.1f%n", e.getKey(), sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6);
        }
        System.out.printf("double claims: %d seen by clients, %s in the audit trail%n", doubleClaims.get(),
                dbDoubleClaims);
        System.out.printf("lost updates on the contended story: %s (%d saves accepted, revision now %d)%n",
                noLostUpdate ? "0" : "FOUND", acceptedSaves.size(), finalRevision);
        System.out.printf("5xx: %d outside the restart, %d during it; connection errors: %d outside, %d during%n",
                errors5xx.get(), errors5xxDuringRestart.get(), ioErrors.get(), ioErrorsDuringRestart.get());
        System.out.printf("unexpected answers: %d outside the restart, %d during it %s%n", unexpected.get(),
                unexpectedDuringRestart.get(), unexpectedSamples.stream().limit(3).toList());
        Collections.sort(visibility);
        System.out.printf("publishes on every instance's feed: %d seen (%d of them across the restart, timed from its end), %d pushed off page 1 while an instance was down but on its site API, %d missing, %d later than %d s; p50 %d ms, p99 %d ms, max %d ms%n",
                seen, overRestart, offFirstPage, missing, late, boundMillis / 1000, visibility.isEmpty() ? 0 : visibility.get(visibility.size() / 2),
                visibility.isEmpty() ? 0 : visibility.get(Math.max(0, (int) Math.ceil(visibility.size() * 0.99) - 1)), worst);
        System.out.println("soak samples:");
        System.out.println(header);
        samples.forEach(System.out::println);
        boolean ok = doubleClaims.get() == 0 && dbDoubleClaims == 0 && noLostUpdate && errors5xx.get() == 0
                && ioErrors.get() == 0 && missing == 0 && late == 0 && unexpected.get() == 0;
        System.out.println(ok ? "RESULT: all guarantees held" : "RESULT: a guarantee FAILED");
        System.exit(ok ? 0 : 1);
    }

    interface Step {
        void run() throws Exception;
    }

    static Object loop(long end, Step step) {
        while (System.nanoTime() < end) {
            try {
                step.run();
            } catch (Exception e) {
                pause(200); // counted in call()
            }
        }
        return null;
    }

    static String sample(long start, List<Path> pidFiles, String jdbcUrl) {
        StringBuilder line = new StringBuilder(String.format("%6d ", (System.nanoTime() - start) / 1_000_000_000L));
        for (Path pidFile : pidFiles) {
            String rss = "-";
            try {
                String pid = Files.readString(pidFile).trim();
                for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (l.startsWith("VmRSS:")) {
                        rss = (Long.parseLong(l.replaceAll("\\D", "")) / 1024) + "M";
                    }
                }
            } catch (Exception e) {
                rss = "down";
            }
            line.append(String.format("%9s", rss));
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl); ResultSet rs = db.createStatement().executeQuery("""
                SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()),
                       (SELECT count(*) FROM idempotency_keys), (SELECT count(*) FROM login_failures),
                       (SELECT count(*) FROM outbox), (SELECT count(*) FROM api_tokens)""")) {
            rs.next();
            line.append(String.format(" %8d %8d %8d %8d %8d", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        } catch (Exception e) {
            line.append(" database: ").append(e.getMessage());
        }
        return line.toString();
    }

    static String story(String title) {
        return """
                {"sourceLanguage":"uk","section":"load","tags":["load"],"byline":"Редакція","title":"%s",
                 "summary":"Коротко про головне","body":"<p>Перший абзац.</p><p>Другий абзац.</p>"}""".formatted(title);
    }

    static String person(String admin, String username, String roles, String languages) throws Exception {
        call("setup", "POST", "/api/accounts", admin, null, """
                {"username":"%s","displayName":"Load","password":"load-password-1","roles":%s,"languages":%s}"""
                .formatted(username, roles, languages), 201);
        return signIn(username, "load-password-1");
    }

    static String signIn(String username, String password) throws Exception {
        HttpResponse<String> response = call("sign-in", "POST", "/api/auth/tokens", null, null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"name\":\"load\"}", 201);
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> call(String name, String method, String path, String token, String ifMatch, String body,
                                     int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("GET".equals(method) ? "If-None-Match" : "If-Match", ifMatch);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            (duringRestart() ? ioErrorsDuringRestart : ioErrors).incrementAndGet();
            throw e;
        }
        latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
        if (response.statusCode() >= 500) {
            (duringRestart() ? errors5xxDuringRestart : errors5xx).incrementAndGet();
            throw new IllegalStateException(name + " " + response.statusCode());
        }
        if (expected > 0 && response.statusCode() != expected) {
            unexpected(response, name);
            throw new IllegalStateException(name + " " + response.statusCode());
        }
        return response;
    }

    /** Whether the instance's site API serves the published story (it is live there, whatever page it is on). */
    static boolean onSite(URI instance, Publish publish) {
        try {
            return HTTP.send(HttpRequest.newBuilder(instance.resolve("/public/" + publish.language() + "/articles/"
                    + publish.slug())).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean duringRestart() {
        long now = System.currentTimeMillis();
        return now >= restartFrom && now <= restartTo;
    }

    static void unexpected(HttpResponse<String> response, String name) {
        boolean restarting = duringRestart();
        (restarting ? unexpectedDuringRestart : unexpected).incrementAndGet();
        if (unexpectedSamples.size() < 10) {
            unexpectedSamples.add((restarting ? "(restart) " : "") + name + " " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    static String id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return m.group(1);
    }

    static String topLevelId(String json) {
        return (String) ((Map<?, ?>) new Json(json).value()).get("id");
    }

    /** {taskId, articleId, language} of each translation in a task list page. */
    static List<String[]> submittedTasks(String json) {
        List<String[]> items = new ArrayList<>();
        for (Object item : (List<?>) ((Map<?, ?>) new Json(json).value()).get("items")) {
            Map<?, ?> task = (Map<?, ?>) item;
            if ("TRANSLATE".equals(task.get("kind"))) {
                items.add(new String[] {(String) task.get("id"), (String) task.get("articleId"), (String) task.get("language")});
            }
        }
        return items;
    }

    /** Just enough JSON to read the API's answers: objects, arrays, strings, numbers, true/false/null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    at++; // ':'
                    object.put(key, value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                return array;
            }
            if (c == '"') {
                return string();
            }
            int from = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(from, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    static String slug(String json) {
        Matcher m = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no slug in " + json);
        }
        return m.group(1);
    }

    static int revision(String json) {
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no revision in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
