package newsdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a child process: {@code java -jar target/newsdesk.jar}, exactly as production
 * starts it (with a quicker JIT), with the environment a test gives it. Stopped with SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;
    private final Path dataDir;

    private ServerProcess(Process process, Path log, int port, Path dataDir) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts the server and returns once /health/ready says UP; fails with the log's tail otherwise. */
    public static ServerProcess start(String name, Map<String, String> environment) {
        ServerProcess server = launch(name, environment);
        server.awaitReady();
        return server;
    }

    /** Starts the server without waiting: for tests of start-up failures. */
    public static ServerProcess launch(String name, Map<String, String> environment) {
        try {
            int port = freePort();
            Path dir = Files.createDirectories(Path.of("target", "it"));
            Path log = dir.resolve(name + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only: a test server never needs peak speed, and C2 compiling Payara's start-up code was
                    // half of every boot's CPU (a start took 10 s of CPU instead of 20-22 s; the suite starts ~30).
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", launcherJar().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("NEWSDESK_"));
            builder.environment().put("NEWSDESK_HTTP_PORT", String.valueOf(port));
            builder.environment().putAll(environment);
            String dataDir = environment.get("NEWSDESK_DATA_DIR");
            return new ServerProcess(builder.start(), log, port, dataDir == null ? null : Path.of(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server", e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end on its own (a failed start) and returns its exit code. */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server did not exit within " + limit + "\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM, as an operator or a service manager would stop it; returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** SIGKILL: a crash, leaving whatever the process started behind. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Stops the server if it still runs, and removes Payara's unpacked runtime (~100 MB) from its data folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        if (dataDir != null) {
            deleteRecursively(dataDir.resolve("payara"));
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /health/ready says UP (with the database check); fails with the log's tail otherwise. */
    public void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + " while starting\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            sleep(Duration.ofMillis(250));
        }
        process.destroyForcibly();
        throw new AssertionError("the server was not ready within " + START_LIMIT + "\n" + tail());
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static Path launcherJar() {
        String jar = System.getProperty("newsdesk.launcherJar", "target/newsdesk.jar");
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: integration tests run after ./mvnw package");
        }
        return path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
