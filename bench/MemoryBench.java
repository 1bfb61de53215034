import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory lookups at scale. One uk story (8 sentences) with a claimed en task and a claimed ru task; the uk→en
 * memory is filled straight through SQL (generate_series) with N generated news-like sentences of 6–16 words
 * from a shared vocabulary, plus an exact copy and three one-word variants of each story sentence. Then one
 * client alternates GET /api/tasks/{en} (every sentence looked up: word-index candidates, edit distance) and
 * GET /api/tasks/{ru} (the same view, its memory empty) and prints median, p99 and their ratio. Run by
 * bench/memory.sh.
 */
public class MemoryBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern SCORE = Pattern.compile("\"score\":(\\d+)");

    private static final String TITLE = "Київ готується до зими";
    private static final String SUMMARY = "Міська влада перевіряє котельні та укриття.";
    private static final String[] BODY = {
            "Енергетики відновили живлення у трьох районах столиці.",
            "Мер Києва заявив, що місто має достатньо палива на зиму.",
            "У Харкові після обстрілу без світла залишилися десятки тисяч людей.",
            "Рятувальники працюють на місці влучання вже другу добу.",
            "Уряд виділив додаткові кошти на ремонт тепломереж в Одесі.",
            "Синоптики прогнозують сильні морози наступного тижня."};
    // The most frequent words first: word k of the vocabulary is drawn with a Zipf-like skew (k = 64000 × r⁶),
    // the listed news words for the low ranks, syllable-made words (names, rarer words) for the long tail.
    private static final String[] WORDS = ("у в на до і та що як після через без для про під над між але або також "
            + "вже ще понад майже Київ Києва Харків Харкові Одеса Одесі Львів Дніпро Миколаїв Запоріжжя "
            + "Чернігів Суми Полтава місто міста столиці району районах області громади влада уряд мер міністр "
            + "енергетики рятувальники волонтери лікарі вчителі мешканці люди діти біженці військові поліція "
            + "відновили заявив заявила повідомили працюють отримали виділив перевіряє готується залишилися "
            + "прогнозують відкрили закрили оголосили обстрілу обстріл атаки удару влучання ремонт палива світла "
            + "живлення тепла води газу укриття котельні лікарні школи мости дороги залізниця потяг автобус "
            + "зими зиму весни літа осені тижня доби місяця року сьогодні вчора завтра вранці ввечері вночі "
            + "тисяч сотні десятки двох трьох п'яти додаткові нові сильні великі важливі критичні перші "
            + "кошти гроші допомога підтримка рішення закон програма проєкт план звіт дані ціни тарифи").split(" ");
    private static final String[] SYLLABLES = ("ка ко ли ни ро ва ми ст пе ре ді то за ла на ви бу по ча ше жи ть сь "
            + "ма ти го да ле ск лю єв ін ук ор ан ен ол ар ус ій").split(" ");
    private static final String[] SWAPS = {"Одеси", "весни", "п'яти", "Дніпра", "вчора", "нових"};

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbcUrl = args[1];
        String admin = signIn(base, "admin", args[2]);
        String[] sizes = args[3].split(",");
        int calls = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        String editor = person(base, admin, "EDITOR", null);
        String translator = person(base, admin, "TRANSLATOR", "\"en\",\"ru\"");

        String body = "<p>" + String.join(" ", BODY) + "</p>";
        String created = send(base, "POST", "/api/articles", editor, "application/json", ("{\"sourceLanguage\":\"uk\","
                + "\"section\":\"bench\",\"tags\":[\"bench\"],\"byline\":\"Бенч\",\"title\":\"" + TITLE + "\","
                + "\"summary\":\"" + SUMMARY + "\",\"body\":\"" + body + "\"}").getBytes("UTF-8"), 201).body();
        String articleId = match(ID, created);
        String tasks = send(base, "POST", "/api/articles/" + articleId + "/translations", editor, "application/json",
                "{\"languages\":[\"en\",\"ru\"]}".getBytes(), 201).body();
        Matcher ids = ID.matcher(tasks);
        List<String> taskIds = new ArrayList<>();
        while (ids.find()) {
            taskIds.add(ids.group(1));
        }
        String enTask = tasks.indexOf("\"language\":\"en\"") < tasks.indexOf("\"language\":\"ru\"") ? taskIds.get(0) : taskIds.get(1);
        String ruTask = enTask.equals(taskIds.get(0)) ? taskIds.get(1) : taskIds.get(0);
        send(base, "POST", "/api/tasks/" + enTask + "/claim", translator, null, null, 200);
        send(base, "POST", "/api/tasks/" + ruTask + "/claim", translator, null, null, 200);

        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            plant(db);
            long loaded = 0;
            System.out.printf("%d calls each, one client, after %d warm-up rounds; the task has %d sentences%n",
                    calls, warmup, 2 + BODY.length);
            System.out.printf("%-11s %-26s %10s %10s %14s%n", "segments", "call", "median ms", "p99 ms", "median / plain");
            for (String size : sizes) {
                long target = Long.parseLong(size);
                long t0 = System.nanoTime();
                load(db, loaded, target);
                long loadMs = (System.nanoTime() - t0) / 1_000_000;
                loaded = target;
                String view = send(base, "GET", "/api/tasks/" + enTask, translator, null, null, 200).body();
                List<Long> fuzzy = new ArrayList<>();
                List<Long> plain = new ArrayList<>();
                for (int i = 0; i < warmup + calls; i++) {
                    long a = System.nanoTime();
                    send(base, "GET", "/api/tasks/" + enTask, translator, null, null, 200);
                    long b = System.nanoTime();
                    send(base, "GET", "/api/tasks/" + ruTask, translator, null, null, 200);
                    long c = System.nanoTime();
                    if (i >= warmup) {
                        fuzzy.add(b - a);
                        plain.add(c - b);
                    }
                }
                double floor = percentile(plain, 50);
                System.out.printf("%-11s %-26s %10.2f %10.2f %14.1f%n", String.format("%,d", target),
                        "task GET, memory matches", percentile(fuzzy, 50) / 1e6, percentile(fuzzy, 99) / 1e6,
                        percentile(fuzzy, 50) / floor);
                System.out.printf("%-11s %-26s %10.2f %10.2f %14.1f%n", "", "task GET, empty memory", floor / 1e6,
                        percentile(plain, 99) / 1e6, 1.0);
                System.out.printf("%-11s (loaded in %.1f s; scores shown for the task: %s)%n", "", loadMs / 1000.0,
                        scores(view));
            }
        }
    }

    /** Exact copies of the story's sentences and three one-word variants of each, as earlier approvals would leave. */
    private static void plant(Connection db) throws Exception {
        List<String> sentences = new ArrayList<>(List.of(TITLE, SUMMARY));
        sentences.addAll(List.of(BODY));
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO memory_segments (id, source_language, target_language, source_text, target_text, article_id,
                                             approver, approved_at, created_at)
                VALUES (?, 'uk', 'en', ?, ?, NULL, 'bench', now(), now()) ON CONFLICT DO NOTHING""")) {
            for (String sentence : sentences) {
                List<String> variants = new ArrayList<>(List.of(sentence));
                String[] words = sentence.split(" ");
                for (int v = 0; v < 3; v++) {
                    String[] changed = words.clone();
                    changed[(v * 2 + 1) % changed.length] = SWAPS[v % SWAPS.length];
                    variants.add(String.join(" ", changed));
                }
                for (String variant : variants) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, variant);
                    insert.setString(3, "EN: " + variant);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Generated sentences of 6–16 words up to {@code to} rows; the GIN indexes are rebuilt after the load. */
    private static void load(Connection db, long from, long to) throws Exception {
        try (Statement sql = db.createStatement()) {
            // The GIN indexes are built once after the load, not grown row by row (as a TMX import of this size would).
            sql.execute("DROP INDEX IF EXISTS memory_segments_source_trgm");
            sql.execute("DROP INDEX IF EXISTS memory_segments_target_trgm");
            sql.execute("DROP INDEX IF EXISTS memory_segments_source_words");
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO memory_segments (id, source_language, target_language, source_text, target_text,
                                                 article_id, approver, approved_at, created_at)
                    SELECT gen_random_uuid(), 'uk', 'en', upper(left(s.text, 1)) || substr(s.text, 2) || '.',
                           'EN ' || g || ': ' || s.text, NULL, 'bench', now() - g * interval '1 minute', now()
                      FROM generate_series(?::bigint, ?::bigint) AS g
                     CROSS JOIN LATERAL (
                           SELECT string_agg(CASE WHEN n.k < array_length(v.words, 1) THEN v.words[n.k + 1]
                                                  ELSE v.syl[1 + n.k % 40] || v.syl[1 + (n.k / 40) % 40]
                                                       || v.syl[1 + (n.k / 1600) % 40] END, ' ') AS text
                             FROM (SELECT ?::text[] AS words, ?::text[] AS syl) v,
                                  LATERAL (SELECT floor(64000 * power(random(), 6))::int AS k
                                             FROM generate_series(1, 6 + (g % 11)::int) WHERE g > 0) n) s
                    ON CONFLICT DO NOTHING""")) {
                insert.setLong(1, from + 1);
                insert.setLong(2, to);
                insert.setArray(3, db.createArrayOf("text", WORDS));
                insert.setArray(4, db.createArrayOf("text", SYLLABLES));
                insert.executeUpdate();
            }
            sql.execute("SET maintenance_work_mem = '256MB'");
            // As db/migration V13 and V18 create them.
            sql.execute("CREATE INDEX memory_segments_source_trgm ON memory_segments USING gin (source_text gin_trgm_ops)");
            sql.execute("CREATE INDEX memory_segments_target_trgm ON memory_segments USING gin (target_text gin_trgm_ops)");
            sql.execute("CREATE INDEX memory_segments_source_words ON memory_segments"
                    + " USING gin (to_tsvector('simple'::regconfig, source_text))");
            sql.execute("ALTER INDEX memory_segments_source_words ALTER COLUMN 1 SET STATISTICS 1000");
            sql.execute("ANALYZE memory_segments");
        }
    }

    private static String scores(String view) {
        Matcher matcher = SCORE.matcher(view);
        List<String> scores = new ArrayList<>();
        while (matcher.find()) {
            scores.add(matcher.group(1));
        }
        return String.join(",", scores);
    }

    private static String person(URI base, String admin, String role, String languages) throws Exception {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        send(base, "POST", "/api/accounts", admin, "application/json", ("{\"username\":\"" + name + "\",\"displayName\":"
                + "\"Bench\",\"password\":\"bench-password-1\",\"roles\":[\"" + role + "\"]"
                + (languages == null ? "" : ",\"languages\":[" + languages + "]") + "}").getBytes(), 201);
        return signIn(base, name, "bench-password-1");
    }

    private static String signIn(URI base, String username, String password) throws Exception {
        return match(TOKEN, send(base, "POST", "/api/auth/tokens", null, "application/json",
                ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(), 201).body());
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("nothing like " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String type,
                                             byte[] body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
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
