package newsdesk.launcher;

import fish.payara.micro.PayaraMicroRuntime;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts newsdesk.launcher.grizzly.RequestPathFilter in the place of (and around) the HTTP server filter of
 * Payara's HTTP listener, so that a path that cannot be decoded gets a 400 problem instead of Payara's empty
 * 200. The filter is a Grizzly class, so it is loaded by Payara's class loader from its own jar
 * (lib/newsdesk-http.jar); Payara's embedding API offers no way to reach the listener, hence the reflection
 * along its internal services.
 */
final class RequestPathCheck {

    static final String JAR = "newsdesk-http.jar";
    /** Logged once the check is in place. */
    static final String INSTALLED = "Payara's HTTP listener refuses request paths it cannot decode";
    private static final System.Logger LOG = System.getLogger(RequestPathCheck.class.getName());
    private static final String FILTER = "newsdesk.launcher.grizzly.RequestPathFilter";

    private RequestPathCheck() {
    }

    /** The jar Payara must load (PayaraMicro.addLibrary) before it boots. */
    static Path jar(Path libraries) {
        Path jar = libraries.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchFailure(jar + " is missing; build it with ./mvnw package");
        }
        return jar;
    }

    /**
     * Installs the filter; until {@link #serving} is called with true, it answers every request but the
     * deployment check (which carries {@code deploymentCheckToken}) with 503 problem+json.
     */
    static void install(PayaraMicroRuntime runtime, String deploymentCheckToken) {
        try {
            ClassLoader payara = runtime.getClass().getClassLoader();
            Field embedded = runtime.getClass().getDeclaredField("runtime");
            embedded.setAccessible(true);
            Object glassFish = embedded.get(runtime);
            Class<?> glassFishType = Class.forName("org.glassfish.embeddable.GlassFish", false, payara);
            Class<?> grizzlyType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", false, payara);
            Class<?> listenerType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", false, payara);
            Object grizzly = glassFishType.getMethod("getService", Class.class).invoke(glassFish, grizzlyType);
            Object config = glassFishType.getMethod("getService", Class.class, String.class)
                    .invoke(glassFish, listenerType, "http-listener");
            Object proxy = grizzlyType.getMethod("lookupNetworkProxy", listenerType).invoke(grizzly, config);
            Object listener = call(proxy, "getUnderlyingListener");
            Object chain = call(call(listener, "getTransport"), "getProcessor");
            Class.forName(FILTER, true, payara).getMethod("install", Object.class, String.class)
                    .invoke(null, chain, deploymentCheckToken);
            LOG.log(System.Logger.Level.INFO, INSTALLED);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException wrapped ? wrapped.getCause() : e;
            throw new LaunchFailure("cannot add the request path check to Payara's HTTP listener: "
                    + EmbeddedDatabase.rootMessage(cause), cause);
        }
    }

    /** Tells the filter whether the application serves (after the deployment check) or not (stopping). */
    static void serving(PayaraMicroRuntime runtime, boolean ready) {
        try {
            Class.forName(FILTER, true, runtime.getClass().getClassLoader()).getMethod("serving", boolean.class)
                    .invoke(null, ready);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach " + FILTER, e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
