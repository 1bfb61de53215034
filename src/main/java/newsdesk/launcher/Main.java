package newsdesk.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;

import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java -jar target/newsdesk.jar}: database first (embedded unless NEWSDESK_DB_URL is set), schema
 * migration, then Payara Micro with the WAR at context root "/". Any start-up problem ends the process
 * with one line saying what to fix and a non-zero exit code.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    private static final int EXIT_START_FAILED = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        Settings settings = new Settings();
        try {
            start(settings);
        } catch (LaunchFailure e) {
            LOG.log(Level.ERROR, "Newsdesk did not start: " + e.getMessage());
            LOG.log(Level.DEBUG, "cause", e);
            System.exit(EXIT_START_FAILED);
        }
    }

    private static void start(Settings settings) {
        Path dataDir = Path.of(settings.require("newsdesk.data.dir")).toAbsolutePath().normalize();
        Optional<String> externalUrl = settings.get("newsdesk.db.url");
        EmbeddedDatabase embedded = externalUrl.isPresent()
                ? null
                : EmbeddedDatabase.start(dataDir, settings.get("newsdesk.embedded.db.port").map(Integer::parseInt).orElse(0));
        DatabaseTarget db = embedded != null ? embedded.target() : new DatabaseTarget(externalUrl.get(),
                settings.get("newsdesk.db.user").orElse(""), settings.get("newsdesk.db.password").orElse(""));
        try {
            Migrations.checkReachable(db, settings.integer("newsdesk.db.connect.timeout.seconds"));
            Migrations.migrate(db);
            // The application reads these through MicroProfile Config (system properties rank first).
            System.setProperty("newsdesk.db.url", db.url());
            System.setProperty("newsdesk.db.user", db.user());
            System.setProperty("newsdesk.db.password", db.password());
            PayaraMicroRuntime payara = bootPayara(settings, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, embedded), "newsdesk-shutdown"));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
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
            PayaraMicroRuntime runtime = micro.bootStrap();
            RequestPathCheck.install(runtime);
            int port = settings.integer("newsdesk.http.port");
            // deploy() answers true even when the application failed to start (a CDI start-up observer threw),
            // and Payara would then answer 500 to every request: ask the application itself.
            if (!runtime.deploy("newsdesk", "/", war.toFile()) || !DeploymentCheck.answers(port)) {
                runtime.shutdown();
                throw new LaunchFailure("the application " + war + " failed to deploy; the log above says why");
            }
            LOG.log(Level.INFO, "Newsdesk is serving on port {0,number,#}", port);
            return runtime;
        } catch (BootstrapException | java.io.IOException e) {
            throw new LaunchFailure("Payara Micro did not start: " + EmbeddedDatabase.rootMessage(e), e);
        } finally {
            Thread.currentThread().setContextClassLoader(launcherLoader);
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

    private static void stop(PayaraMicroRuntime payara, EmbeddedDatabase embedded) {
        try {
            payara.shutdown();
        } catch (BootstrapException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara Micro did not stop cleanly", e);
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
