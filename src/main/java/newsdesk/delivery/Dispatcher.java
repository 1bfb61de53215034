package newsdesk.delivery;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one channel's HTTP attempts on its own few threads, so a receiver that hangs until the timeout holds up
 * neither the other channel nor the application's periodic jobs (the outbox relay, scheduled publication).
 * Rows are claimed only while a thread is free: nothing is leased that cannot be sent at once.
 */
final class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final String name;
    private final Semaphore free;
    private final ExecutorService threads;

    Dispatcher(String name, ManagedThreadFactory factory, int concurrency) {
        this.name = name;
        this.free = new Semaphore(concurrency);
        this.threads = Executors.newFixedThreadPool(concurrency, factory);
    }

    /** Claims and hands over due work until none is due or every thread is busy. */
    <T> void drain(Supplier<Optional<T>> claim, Consumer<T> send) {
        while (free.tryAcquire()) {
            Optional<T> claimed;
            try {
                claimed = claim.get();
            } catch (RuntimeException e) {
                free.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                free.release();
                return;
            }
            threads.execute(() -> {
                try {
                    send.accept(claimed.get());
                } catch (RuntimeException e) {
                    // The row's lease runs out and it is claimed again: at-least-once holds.
                    LOG.log(Level.WARNING, name + ": recording an attempt failed; it will be retried", e);
                } finally {
                    free.release();
                }
            });
        }
    }

    void stop() {
        threads.shutdownNow();
    }
}
