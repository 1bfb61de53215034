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

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration FIRST_RESTART_PAUSE = Duration.ofSeconds(1);
    /** From this failed attempt on (a minute and a half after the first, by default), each one is logged as an ERROR. */
    private static final int ATTEMPTS_BEFORE_ERROR = 8;
    // Held so that the level set while restarting is not lost to garbage collection of the logger.
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    private final FileLock dataDirLock;
    private final Path dataDir;
    private final int port;
    private final Duration longestRestartPause;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closing;

    private EmbeddedDatabase(FileLock dataDirLock, Path dataDir, EmbeddedPostgres postgres, Duration longestRestartPause) {
        this.dataDirLock = dataDirLock;
        this.longestRestartPause = longestRestartPause;
        this.dataDir = dataDir;
        this.postgres = postgres;
        // Fixed from now on: the application's connection pool keeps the URL with this port.
        this.port = postgres.getPort();
    }

    static EmbeddedDatabase start(Path dataDir, int port, Duration longestRestartPause) {
        Path pgData = dataDir.resolve("postgres");
        FileLock lock = lockDataDir(dataDir);
        try {
            Files.createDirectories(pgData);
            stopStalePostmaster(pgData);
            EmbeddedPostgres postgres = startPostgres(dataDir, port);
            LOG.log(Level.INFO, "embedded PostgreSQL running on 127.0.0.1:{0,number,#}, data in {1}",
                    postgres.getPort(), pgData.toAbsolutePath());
            EmbeddedDatabase database = new EmbeddedDatabase(lock, dataDir, postgres, longestRestartPause);
            database.watch();
            return database;
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw new LaunchFailure("cannot start the embedded PostgreSQL in " + pgData.toAbsolutePath()
                    + ": " + rootMessage(e) + " (or set NEWSDESK_DB_URL to use an external PostgreSQL)", e);
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
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
        return builder.start();
    }

    DatabaseTarget target() {
        return new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            try {
                postgres.close();
                LOG.log(Level.INFO, "embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.log(Level.ERROR, "embedded PostgreSQL did not stop cleanly", e);
            } finally {
                release(dataDirLock);
            }
        }
    }

    /**
     * The watchdog: an operator cannot restart this PostgreSQL by hand when Newsdesk runs as root (pg_ctl and
     * postgres refuse root; zonky runs them in a user namespace), so when its postmaster dies (kill -9, a
     * crash, a stop) the server starts it again on the same data folder and port. /health/ready is DOWN
     * meanwhile (nothing answers), and the application's pool reconnects by itself afterwards.
     */
    private void watch() {
        postmasterPid = runningPostmaster(dataDir.resolve("postgres")).orElse(-1L);
        Thread watchdog = new Thread(() -> {
            while (!closing) {
                pause(WATCH_INTERVAL);
                if (!closing && !alive(postmasterPid)) {
                    restart();
                }
            }
        }, "newsdesk-postgres-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Attempts until PostgreSQL runs again (or the server stops), a doubling pause apart up to
     * newsdesk.embedded.db.restart.max.pause.seconds, one log line each: whatever stops it from starting (a full
     * disk, its port taken) may be put right while the server runs, and it then recovers without a restart.
     */
    private void restart() {
        long dead = postmasterPid;
        LOG.log(Level.WARNING, "the embedded PostgreSQL (pid {0,number,#}) is not running; starting it again on the "
                + "same data folder; /health/ready is DOWN until it answers", dead);
        Duration pause = FIRST_RESTART_PAUSE;
        for (int attempt = 1; !closing; attempt++) {
            java.util.logging.Level zonkyLevel = ZONKY_LOG.getLevel();
            synchronized (this) {
                if (closing) {
                    return;
                }
                // zonky would log its failed stop of the dead server and each step of the start: say it once here.
                ZONKY_LOG.setLevel(java.util.logging.Level.OFF);
                try {
                    closeQuietly(postgres);
                    postgres = startPostgres(dataDir, port);
                    postmasterPid = runningPostmaster(dataDir.resolve("postgres")).orElse(-1L);
                    LOG.log(Level.WARNING, "embedded PostgreSQL running again on 127.0.0.1:{0,number,#} (attempt {1})",
                            port, attempt);
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.log(attempt < ATTEMPTS_BEFORE_ERROR ? Level.WARNING : Level.ERROR,
                            "embedded PostgreSQL did not start again (attempt {0}): {1}; next attempt in {2} s; "
                                    + "/health/ready stays DOWN until it runs", attempt, rootMessage(e), pause.toSeconds());
                } finally {
                    ZONKY_LOG.setLevel(zonkyLevel);
                }
            }
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(longestRestartPause) > 0 ? longestRestartPause : pause.multipliedBy(2);
        }
    }

    private static void closeQuietly(EmbeddedPostgres dead) {
        try {
            // Releases zonky's lock on the data folder; its pg_ctl stop finds nothing to stop.
            dead.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing the stopped embedded PostgreSQL", e);
        }
    }

    /** Alive and not a zombie (a postmaster killed in a container whose init does not reap it). */
    private static boolean alive(long pid) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static Optional<Long> runningPostmaster(Path pgData) {
        try {
            return postmasterPid(pgData);
        } catch (IOException e) {
            return Optional.empty();
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
