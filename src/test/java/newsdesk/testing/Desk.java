package newsdesk.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The test's view of a running Newsdesk: HTTP clients as various people, and the database behind it. */
public final class Desk {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final URI baseUri;
    private final TestDatabase database;
    private final RecordingHub hub;
    private Person admin;

    public Desk(URI baseUri, TestDatabase database, RecordingHub hub) {
        this.baseUri = baseUri;
        this.database = database;
        this.hub = hub;
    }

    /** The WebSub hub the server pings. */
    public RecordingHub hub() {
        return hub;
    }

    /** Someone with an account and a live token. */
    public record Person(String id, String username, String password, String token) {
    }

    public URI baseUri() {
        return baseUri;
    }

    public TestDatabase database() {
        return database;
    }

    /** A request with no credentials. */
    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri(baseUri.toString()).contentType(ContentType.JSON)
                .urlEncodingEnabled(true);
    }

    public RequestSpecification as(Person person) {
        return anonymous().header("Authorization", "Bearer " + person.token());
    }

    public synchronized Person admin() {
        if (admin == null) {
            String token = signIn("admin", NewsdeskServer.ADMIN_PASSWORD);
            String id = as(new Person(null, "admin", NewsdeskServer.ADMIN_PASSWORD, token))
                    .get("/api/me").then().statusCode(200).extract().path("id");
            admin = new Person(id, "admin", NewsdeskServer.ADMIN_PASSWORD, token);
        }
        return admin;
    }

    public RequestSpecification asAdmin() {
        return as(admin());
    }

    /** A new account with the given roles (ADMIN, EDITOR, TRANSLATOR, REVIEWER) and working languages. */
    public Person newPerson(List<String> roles, String... languages) {
        String username = "person" + PEOPLE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "password-of-" + username;
        String id = asAdmin().body(Map.of("username", username, "displayName", "Test " + username,
                        "password", password, "roles", roles, "languages", Arrays.asList(languages)))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
        return new Person(id, username, password, signIn(username, password));
    }

    public Person newEditor() {
        return newPerson(List.of("EDITOR"));
    }

    public Person newTranslator(String... languages) {
        return newPerson(List.of("TRANSLATOR"), languages);
    }

    /** A new site language with a random private code, so a test's queue holds only its own tasks. */
    public String newLanguage() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        java.util.Random random = new java.util.Random();
        String code = "q" + letters.charAt(random.nextInt(26)) + letters.charAt(random.nextInt(26)) + "-x"
                + UUID.randomUUID().toString().substring(0, 6);
        asAdmin().body(Map.of("name", "Test " + code)).put("/api/languages/" + code).then().statusCode(201);
        return code;
    }

    /**
     * A server with its own database and WebSub hub, test clock enabled. The shared server of a test run is
     * one ({@link NewsdeskServer}); tests that move the clock, which would disturb every other test, boot
     * another. Close it when done.
     */
    public static final class OwnServer implements AutoCloseable {

        private final TestDatabase database = TestDatabase.create();
        private final RecordingHub hub = RecordingHub.start();
        private final ServerProcess server;
        private final Desk desk;

        /** {@code settings}: environment variables beyond the test defaults. */
        public OwnServer(String name, Map<String, String> settings) {
            Map<String, String> environment = new java.util.HashMap<>(Map.of(
                    "NEWSDESK_DB_URL", database.url(),
                    "NEWSDESK_ADMIN_PASSWORD", NewsdeskServer.ADMIN_PASSWORD,
                    "NEWSDESK_DATA_DIR", java.nio.file.Path.of("target", "it", "data-" + database.name()).toString(),
                    "NEWSDESK_TEST_CLOCK_ENABLED", "true",
                    "NEWSDESK_WEBSUB_HUB", hub.url()));
            environment.putAll(settings);
            try {
                server = ServerProcess.start(name, environment);
            } catch (RuntimeException | Error e) {
                hub.close();
                database.close();
                throw e;
            }
            desk = new Desk(server.baseUri(), database, hub);
        }

        public Desk desk() {
            return desk;
        }

        /** Moves this server's clock forward. */
        public void advanceClock(long seconds) {
            desk.asAdmin().body(Map.of("advanceSeconds", seconds)).post("/api/test/clock").then().statusCode(200);
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                hub.close();
                database.close();
            }
        }
    }

    public String signIn(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password))
                .post("/api/auth/tokens").then().statusCode(201).extract().path("token");
    }
}
