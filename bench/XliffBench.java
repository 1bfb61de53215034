import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * One client, sequential calls on one claimed task whose source has N words in paragraphs with links and
 * emphasis: XLIFF 1.2 export, import of a translated file (every target changed), and a plain task GET as
 * the floor. Run by bench/xliff.sh.
 */
public class XliffBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String[] WORDS = {"Київ", "громада", "міст", "відкрили", "ціни", "зросли", "новина",
            "уряд", "рішення", "зима", "енергія", "місто", "люди", "сьогодні", "зранку", "вулиця"};

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int calls = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int words = Integer.parseInt(args[4]);
        String admin = signIn(base, "admin", args[1]);
        String editor = person(base, admin, "EDITOR", null);
        String translator = person(base, admin, "TRANSLATOR", "en");

        String body = article(words);
        String created = send(base, "POST", "/api/articles", editor, "application/json", ("{\"sourceLanguage\":\"uk\","
                + "\"section\":\"bench\",\"tags\":[\"bench\"],\"byline\":\"Бенч\",\"title\":\"Довга новина\","
                + "\"summary\":\"Коротко. Про все.\",\"body\":\"" + body.replace("\"", "\\\"") + "\"}").getBytes(), 201).body();
        String articleId = match(ID, created);
        String tasks = send(base, "POST", "/api/articles/" + articleId + "/translations", editor, "application/json",
                "{\"languages\":[\"en\"]}".getBytes(), 201).body();
        String taskId = match(ID, tasks);
        send(base, "POST", "/api/tasks/" + taskId + "/claim", translator, null, null, 200);

        byte[] exported = HTTP.send(request(base, "GET", "/api/tasks/" + taskId + "/xliff", translator, null, null).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        byte[] translated = translate(exported);
        int segments = exported.length == 0 ? 0 : count(new String(exported, "UTF-8"), "<trans-unit ");

        List<Long> export = new ArrayList<>();
        List<Long> upload = new ArrayList<>();
        List<Long> get = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
            long t0 = System.nanoTime();
            send(base, "GET", "/api/tasks/" + taskId + "/xliff", translator, null, null, 200);
            long t1 = System.nanoTime();
            send(base, "PUT", "/api/tasks/" + taskId + "/xliff", translator, "application/xliff+xml", translated, 200);
            long t2 = System.nanoTime();
            send(base, "GET", "/api/tasks/" + taskId, translator, null, null, 200);
            long t3 = System.nanoTime();
            if (i >= warmup) {
                export.add(t1 - t0);
                upload.add(t2 - t1);
                get.add(t3 - t2);
            }
        }
        double floor = percentile(get, 50);
        System.out.printf("%d words, %d segments, file %d KiB; %d calls each, one client, after %d warm-up rounds%n",
                words, segments, exported.length / 1024, calls, warmup);
        System.out.printf("%-14s %10s %10s %18s%n", "call", "median ms", "p99 ms", "median / task GET");
        for (var row : List.of(List.of("xliff export", export), List.of("xliff import", upload), List.of("task GET", get))) {
            @SuppressWarnings("unchecked")
            List<Long> times = (List<Long>) row.get(1);
            System.out.printf("%-14s %10.2f %10.2f %18.1f%n", row.get(0), percentile(times, 50) / 1e6,
                    percentile(times, 99) / 1e6, percentile(times, 50) / floor);
        }
    }

    /** About N words: paragraphs of five sentences, one link and one emphasis in each paragraph. */
    private static String article(int words) {
        StringBuilder html = new StringBuilder();
        int written = 0;
        for (int p = 0; written < words; p++) {
            html.append("<p>");
            for (int s = 0; s < 5 && written < words; s++) {
                StringBuilder sentence = new StringBuilder();
                for (int w = 0; w < 10; w++, written++) {
                    String word = WORDS[(p * 7 + s * 3 + w) % WORDS.length];
                    sentence.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
                }
                String text = sentence.toString().strip();
                if (s == 1) {
                    text = text.replaceFirst(" ", " <a href=\"https://example.org/" + p + "\">") + "</a>";
                } else if (s == 3) {
                    text = "<em>" + text + "</em>";
                }
                html.append(text).append(". ");
            }
            html.append("</p>");
        }
        return html.toString();
    }

    /** What a CAT tool returns: every text inside every target changed, the codes kept. */
    private static byte[] translate(byte[] xliff) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document file = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xliff));
        NodeList targets = file.getElementsByTagNameNS("urn:oasis:names:tc:xliff:document:1.2", "target");
        for (int i = 0; i < targets.getLength(); i++) {
            change(targets.item(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(file), new StreamResult(out));
        return out.toByteArray();
    }

    private static void change(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                child.setNodeValue("EN " + child.getNodeValue());
            } else {
                change(child);
            }
        }
    }

    private static String person(URI base, String admin, String role, String language) throws Exception {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        send(base, "POST", "/api/accounts", admin, "application/json", ("{\"username\":\"" + name + "\",\"displayName\":"
                + "\"Bench\",\"password\":\"bench-password-1\",\"roles\":[\"" + role + "\"]"
                + (language == null ? "" : ",\"languages\":[\"" + language + "\"]") + "}").getBytes(), 201);
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

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static HttpRequest.Builder request(URI base, String method, String path, String token, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String type,
                                             byte[] body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(base, method, path, token, type, body).build(),
                HttpResponse.BodyHandlers.ofString());
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
