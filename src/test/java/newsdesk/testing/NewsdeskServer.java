package newsdesk.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.util.Map;

/**
 * Boots the real server once per test run (child process, fresh database) and hands tests a
 * {@link Desk} client. Use with {@code @ExtendWith(NewsdeskServer.class)} and a {@code Desk} parameter.
 */
public final class NewsdeskServer implements BeforeAllCallback, ParameterResolver {

    public static final String ADMIN_PASSWORD = "it-admin-password-1";

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Desk.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).desk();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The server, its database and its WebSub hub for the whole run; JUnit closes them when the run ends. */
    private record Running(TestDatabase database, RecordingHub hub, ServerProcess server, Desk desk)
            implements AutoCloseable {

        static Running start() {
            TestDatabase database = TestDatabase.create();
            RecordingHub hub = RecordingHub.start();
            try {
                ServerProcess server = ServerProcess.start("server", Map.of(
                        "NEWSDESK_DB_URL", database.url(),
                        "NEWSDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "NEWSDESK_DATA_DIR", Path.of("target", "it", "data-" + database.name()).toString(),
                        "NEWSDESK_LOGIN_MAX_FAILURES", "5",
                        // Every test signs in from 127.0.0.1; the per-address limit has its own server in SignInThrottleIT.
                        "NEWSDESK_LOGIN_ADDRESS_MAX_FAILURES", "100000",
                        "NEWSDESK_SCHEDULER_INTERVAL_SECONDS", "1",
                        "NEWSDESK_TEST_CLOCK_ENABLED", "true",
                        "NEWSDESK_WEBSUB_HUB", hub.url(),
                        "NEWSDESK_PUBLIC_URL", "https://news.example.org"));
                return new Running(database, hub, server, new Desk(server.baseUri(), database, hub));
            } catch (RuntimeException | Error e) {
                hub.close();
                database.close();
                throw e;
            }
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
}
