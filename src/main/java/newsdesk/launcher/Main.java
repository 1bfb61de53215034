package newsdesk.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;

import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar target/newsdesk.jar}: database first (embedded unless NEWSDESK_DB_URL is set), schema
 * migration, then Payara Micro with the WAR at context root "/". Any start-up problem ends the process
 * with one line saying what to fix and a non-zero exit code.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    private static final int EXIT_START_FAILED = 2;
    private static final AtomicBoolean GAVE_UP = new AtomicBoolean();

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        Settings settings = new Settings();
        try {
            BootProperties.apply();
            start(settings);
        } catch (LaunchFailure e) {
            giveUp(e);
        }
    }

    /**
     * The database (embedded start, reachability, migrations) is prepared on its own thread while Payara Micro
     * boots on this one, and the WAR is deployed once both are done: the database is mostly waiting on
     * PostgreSQL, Payara's boot mostly computing. A database problem stops the start at once.
     */
    private static void start(Settings settings) {
        Path dataDir = Path.of(settings.require("newsdesk.data.dir")).toAbsolutePath().normalize();
        String migrations = Migrations.extract(dataDir.resolve("migrations"));
        CompletableFuture<PreparedDatabase> database = new CompletableFuture<>();
        Thread preparing = new Thread(() -> {
            try {
                database.complete(PreparedDatabase.prepare(settings, dataDir, migrations));
            } catch (LaunchFailure e) {
                database.completeExceptionally(e);
                giveUp(e);
            } catch (RuntimeException | Error e) {
                database.completeExceptionally(e);
                giveUp(new LaunchFailure("the database did not start: " + EmbeddedDatabase.rootMessage(e), e));
            }
        }, "newsdesk-database");
        preparing.start();
        PayaraMicroRuntime payara;
        try {
            payara = bootPayara(settings, dataDir);
        } catch (RuntimeException e) {
            // Never leave an embedded PostgreSQL running behind a failed start.
            try {
                database.join().close();
            } catch (CompletionException alsoFailed) {
                LOG.log(Level.DEBUG, "the database did not start either", alsoFailed);
            }
            throw e;
        }
        PreparedDatabase db;
        try {
            db = database.join();
        } catch (CompletionException e) {
            // The database thread has told the operator and is ending the process.
            throw e.getCause() instanceof LaunchFailure failure ? failure : new LaunchFailure(e.getMessage(), e);
        }
        // Before deploying: /health/ready may answer before deploy() returns, and a SIGTERM from then on must
        // still stop the embedded PostgreSQL. A failed deployment exits through this hook too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, db), "newsdesk-shutdown"));
        // The application reads these through MicroProfile Config (system properties rank first).
        System.setProperty("newsdesk.db.url", db.target().url());
        System.setProperty("newsdesk.db.user", db.target().user());
        System.setProperty("newsdesk.db.password", db.target().password());
        deploy(settings, payara);
    }

    /** Prints the one line saying what to fix and ends the process; only the first failure is told. */
    private static void giveUp(LaunchFailure e) {
        if (GAVE_UP.compareAndSet(false, true)) {
            LOG.log(Level.ERROR, "Newsdesk did not start: " + e.getMessage());
            LOG.log(Level.DEBUG, "cause", e);
            System.exit(EXIT_START_FAILED);
        }
    }

    private static PayaraMicroRuntime bootPayara(Settings settings, Path dataDir) {
        Path war = warFile();
        ClassLoader launcherLoader = Thread.currentThread().getContextClassLoader();
        try {
            // Payara remembers deployments in its root folder; start from a clean one so it only runs this WAR.
            // Its runtime jars are unpacked there too (by default into a new /tmp folder each start, never removed).
            Path payaraRoot = dataDir.resolve("payara");
            deleteRecursively(payaraRoot);
            Path runtimeJars = Files.createDirectories(payaraRoot.resolve("runtime"));
            PayaraMicro.setUpackedJarDir(runtimeJars.toFile());
            PayaraMicro.unpackJars();
            PayaraMicro micro = PayaraMicro.getInstance();
            // No Hazelcast member (it listens on port 6900+ and discovers peers by multicast). Never also call
            // setNoCluster(true): Payara checks it first and then ignores noHazelcast, leaving the member running.
            micro.setNoHazelcast(true);
            micro.setPreBootHandler(ContainerSettings::apply);
            micro.setPrintLogo(false);
            micro.setHttpPort(settings.integer("newsdesk.http.port"));
            micro.setRootDir(Files.createDirectories(payaraRoot.resolve("domain")).toFile());
            micro.addLibrary(RequestPathCheck.jar(war.resolveSibling("lib")).toFile());
            // The application's libraries sit beside the WAR, not in its WEB-INF/lib: Payara reads every class of
            // every jar in a WAR while it deploys (ICU4J alone has thousands), and none of them holds a bean.
            for (Path library : applicationLibraries(war.resolveSibling("lib").resolve("app"))) {
                micro.addLibrary(library.toFile());
            }
            PayaraMicroRuntime runtime = micro.bootStrap();
            RequestPathCheck.install(runtime, DeploymentCheck.TOKEN);
            return runtime;
        } catch (BootstrapException | java.io.IOException e) {
            throw new LaunchFailure("Payara Micro did not start: " + EmbeddedDatabase.rootMessage(e), e);
        } finally {
            Thread.currentThread().setContextClassLoader(launcherLoader);
        }
    }

    private static void deploy(Settings settings, PayaraMicroRuntime runtime) {
        Path war = warFile();
        ClassLoader launcherLoader = Thread.currentThread().getContextClassLoader();
        try {
            int port = settings.integer("newsdesk.http.port");
            // deploy() answers true even when the application failed to start (a CDI start-up observer threw),
            // and Payara would then answer 500 to every request: ask the application itself.
            if (!runtime.deploy("newsdesk", "/", war.toFile()) || !DeploymentCheck.answers(port)) {
                throw new LaunchFailure("the application " + war + " failed to deploy; the log above says why");
            }
            RequestPathCheck.serving(runtime, true);
            LOG.log(Level.INFO, "Newsdesk is serving on port {0,number,#}", port);
        } finally {
            Thread.currentThread().setContextClassLoader(launcherLoader);
        }
    }

    private static void shutdownQuietly(PayaraMicroRuntime runtime) {
        try {
            runtime.shutdown();
        } catch (IllegalStateException alreadyStopped) {
            LOG.log(Level.DEBUG, "Payara Micro had already stopped (its own shutdown hook ran first)");
        } catch (BootstrapException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara Micro did not stop cleanly", e);
        }
    }

    private static java.util.List<Path> applicationLibraries(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            throw new LaunchFailure("the application's libraries " + folder + " are missing; build them with ./mvnw package");
        }
        try (var jars = Files.list(folder)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The WAR is built next to the launcher jar (target/newsdesk.war beside target/newsdesk.jar). */
    private static Path warFile() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path war = jar.resolveSibling("newsdesk.war");
            if (!Files.isRegularFile(war)) {
                throw new LaunchFailure("the application " + war + " is missing; build it with ./mvnw package");
            }
            return war;
        } catch (URISyntaxException e) {
            throw new LaunchFailure("cannot locate the launcher jar: " + e.getMessage(), e);
        }
    }

    private static void stop(PayaraMicroRuntime payara, PreparedDatabase db) {
        try {
            // While the application is undeployed, clients get 503 and try again (another instance, or later).
            RequestPathCheck.serving(payara, false);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "the listener's filter is gone already", e);
        }
        shutdownQuietly(payara);
        db.close();
    }
}
