package newsdesk.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * Boots the real server once per test JVM (child process, fresh database) and hands tests a
 * {@link Desk} client. Use with {@code @ExtendWith(NewsdeskServer.class)} and a {@code Desk} parameter.
 */
public final class NewsdeskServer implements BeforeAllCallback, ParameterResolver {

    public static final String ADMIN_PASSWORD = "it-admin-password-1";

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Desk.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).desk();
    }

    /**
     * The server, its database and its WebSub hub for the whole test JVM; JUnit closes them when the JVM's launcher
     * session ends. (Not the root context's store: with two test JVMs, failsafe runs each class as a request of its
     * own, and the root context, with the server, would be closed after every class.)
     */
    private static Desk.OwnServer shared(ExtensionContext context) {
        return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Desk.OwnServer.class, key -> new Desk.OwnServer("server", Map.of(
                        "NEWSDESK_LOGIN_MAX_FAILURES", "5",
                        // Every test signs in from 127.0.0.1; the per-address limit has its own server in SignInThrottleIT.
                        "NEWSDESK_LOGIN_ADDRESS_MAX_FAILURES", "100000",
                        "NEWSDESK_SCHEDULER_INTERVAL_SECONDS", "1",
                        "NEWSDESK_HOUSEKEEPING_INTERVAL_SECONDS", "1",
                        "NEWSDESK_PUBLIC_URL", "https://news.example.org")), Desk.OwnServer.class);
    }
}
