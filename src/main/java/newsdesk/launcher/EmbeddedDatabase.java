package newsdesk.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The zero-configuration database: a real PostgreSQL (zonky's packaged binaries) whose data lives in
 * {@code <data dir>/postgres} and survives restarts. Durability is on (zonky turns fsync off by default).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(15);

    private final FileLock dataDirLock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileLock dataDirLock, EmbeddedPostgres postgres) {
        this.dataDirLock = dataDirLock;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres");
        FileLock lock = lockDataDir(dataDir);
        try {
            Files.createDirectories(pgData);
            stopStalePostmaster(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    // The binaries live beside the data, not in /tmp, where a tmp cleaner could delete them under
                    // a running server; a fresh data folder also proves they unpack on this machine.
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.log(Level.INFO, "embedded PostgreSQL running on 127.0.0.1:{0,number,#}, data in {1}",
                    postgres.getPort(), pgData.toAbsolutePath());
            return new EmbeddedDatabase(lock, postgres);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw new LaunchFailure("cannot start the embedded PostgreSQL in " + pgData.toAbsolutePath()
                    + ": " + rootMessage(e) + " (or set NEWSDESK_DB_URL to use an external PostgreSQL)", e);
        }
    }

    DatabaseTarget target() {
        return new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.log(Level.INFO, "embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.log(Level.ERROR, "embedded PostgreSQL did not stop cleanly", e);
        } finally {
            release(dataDirLock);
        }
    }

    /** One Newsdesk per data folder: a second one would fight over the same PostgreSQL files. */
    private static FileLock lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("newsdesk.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LaunchFailure("another Newsdesk is running with the data folder "
                        + dataDir.toAbsolutePath() + "; stop it or set NEWSDESK_DATA_DIR to another folder");
            }
            return lock;
        } catch (IOException e) {
            throw new LaunchFailure("cannot use the data folder " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A postmaster still running on our data folder while we hold the folder lock was left behind by a
     * launcher that died (kill -9): stop it so this start can take the folder over.
     */
    private static void stopStalePostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> stale = postmasterPid(pgData).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = stale.get();
        LOG.log(Level.WARNING, "stopping the embedded PostgreSQL (pid {0,number,#}) left running by an earlier start",
                postmaster.pid());
        postmaster.destroy();
        try {
            postmaster.onExit().get(STALE_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static Optional<Long> postmasterPid(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot release the data folder lock", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
