import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feed serving: requests/s for /feeds/en/atom.xml (200 and 304 paths) against /health as the server's own
 * ceiling, over 10,000 published stories in three languages; and the feed's median latency (served from
 * memory, and rendered afresh) with 1,000 vs 100,000 stories. Run by bench/feeds.sh.
 */
public class FeedBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbcUrl = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        URI feed = base.resolve("/feeds/en/atom.xml");
        URI health = base.resolve("/health");

        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            grow(db, 1_000);
            medianMillis(feed, 2_000, null);
            medianMillis(feed, 200, db);
            double cached1k = medianMillis(feed, 300, null);
            double cold1k = medianMillis(feed, 100, db);

            grow(db, 10_000);
            get(feed, null);
            String etag = get(feed, null).headers().firstValue("ETag").orElseThrow();
            double feed200 = throughput(feed, null, clients, seconds);
            double feed304 = throughput(feed, etag, clients, seconds);
            double healthRate = throughput(health, null, clients, seconds);

            grow(db, 100_000);
            double cached100k = medianMillis(feed, 300, null);
            double cold100k = medianMillis(feed, 100, db);

            System.out.printf("%d connections, %d s per measurement, %d cores%n", clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("at 10,000 stories in each of en, uk, ru:%n");
            System.out.printf("  /feeds/en/atom.xml 200: %8.0f req/s  (%.2f x /health)%n", feed200, feed200 / healthRate);
            System.out.printf("  /feeds/en/atom.xml 304: %8.0f req/s  (%.2f x /health)%n", feed304, feed304 / healthRate);
            System.out.printf("  /health:                %8.0f req/s%n", healthRate);
            System.out.printf("median latency of /feeds/en/atom.xml, one client:%n");
            System.out.printf("  served from memory: %6.2f ms at 1,000, %6.2f ms at 100,000 stories (growth %.2f)%n",
                    cached1k, cached100k, cached100k / cached1k);
            System.out.printf("  rendered afresh:    %6.2f ms at 1,000, %6.2f ms at 100,000 stories (growth %.2f)%n",
                    cold1k, cold100k, cold100k / cold1k);
        }
    }

    /** Adds published stories (source en, translations uk and ru, all published) until there are {@code target}. */
    private static void grow(Connection db, int target) throws Exception {
        try (Statement sql = db.createStatement()) {
            var rows = sql.executeQuery("SELECT count(*) FROM articles WHERE section = 'bench'");
            rows.next();
            int have = rows.getInt(1);
            if (have >= target) {
                return;
            }
            System.out.printf("adding %d stories…%n", target - have);
            sql.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (id uuid, n int, at timestamptz)");
            sql.execute("TRUNCATE fresh");
            sql.execute("INSERT INTO fresh SELECT gen_random_uuid(), n, now() - (n || ' minutes')::interval"
                    + " FROM generate_series(" + (have + 1) + ", " + target + ") AS n");
            sql.execute("""
                    INSERT INTO articles (id, source_language, section, tags, byline, state, created_by, created_at, updated_at)
                    SELECT id, 'en', 'bench', '{bench}', 'Bench Reporter', 'PUBLISHED',
                           (SELECT id FROM accounts WHERE username = 'admin'), at, at FROM fresh""");
            for (String language : List.of("en", "uk", "ru")) {
                sql.execute("""
                        INSERT INTO editions (article_id, language, is_source, slug, state, current_revision,
                                              published_revision, source_revision, atom_id, first_published_at, updated_at)
                        SELECT id, '%1$s', '%1$s' = 'en', 'bench-%1$s-' || n, 'PUBLISHED', 1, 1, 1,
                               'urn:uuid:' || gen_random_uuid(), at, at FROM fresh""".formatted(language));
                sql.execute("""
                        INSERT INTO revisions (article_id, language, number, title, summary, body, author_id, created_at)
                        SELECT id, '%1$s', 1, 'Bench story ' || n || ' (%1$s)', 'A summary of story ' || n,
                               '<p>First paragraph of story ' || n || '.</p><p>Second paragraph with a '
                               || '<a href="https://example.org/' || n || '">link</a>.</p>',
                               (SELECT id FROM accounts WHERE username = 'admin'), at FROM fresh""".formatted(language));
            }
            sql.execute("UPDATE publication_version SET version = version + 1");
            sql.execute("ANALYZE");
        }
    }

    private static double medianMillis(URI uri, int requests, Connection invalidateEachTime) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < requests + 200; i++) {
            if (invalidateEachTime != null) {
                try (Statement sql = invalidateEachTime.createStatement()) {
                    sql.execute("UPDATE publication_version SET version = version + 1");
                }
            }
            long start = System.nanoTime();
            get(uri, null);
            if (i >= 200) {
                times.add(System.nanoTime() - start);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }

    private static double throughput(URI uri, String ifNoneMatch, int clients, int seconds) throws Exception {
        int expected = ifNoneMatch == null ? 200 : 304;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<byte[]> response = get(uri, ifNoneMatch);
                    if (response.statusCode() != expected) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode());
                    }
                    if (System.nanoTime() > warmupEnd) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    private static HttpResponse<byte[]> get(URI uri, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
