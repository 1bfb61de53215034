package newsdesk.launcher.grizzly;

import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP listener's worker thread pool (Payara's http-thread-pool, named by class in its configuration),
 * holding every request back until the launcher has put {@link RequestPathFilter} in the listener's chain.
 * Payara opens the port a second or more before the launcher can reach the listener, and in between it
 * answered its own 404 page; now a request that early waits and then gets the filter's 503. Grizzly reads
 * and handles requests on these workers, so nothing reaches the web container before the gate opens.
 */
public final class StartGate extends AbstractExecutorService {

    private static final Object LOCK = new Object();
    private static final List<StartGate> POOLS = new ArrayList<>();
    /** Written under {@link #LOCK}; read without it on every request once open (the lock is only for the start). */
    private static volatile boolean open;

    // Payara Micro's defaults for http-thread-pool (its domain.xml): a custom pool does not get them.
    private final GrizzlyExecutorService workers = GrizzlyExecutorService.createInstance(ThreadPoolConfig.defaultConfig()
            .copy().setPoolName("http-thread-pool").setCorePoolSize(2).setMaxPoolSize(200).setQueueLimit(4096));
    private final List<Runnable> held = new ArrayList<>();

    public StartGate() {
        synchronized (LOCK) {
            POOLS.add(this);
        }
    }

    /** Lets held and future requests through; called once the filter is in place. */
    static void open() {
        List<Runnable> release = new ArrayList<>();
        synchronized (LOCK) {
            open = true;
            for (StartGate pool : POOLS) {
                for (Runnable task : pool.held) {
                    release.add(() -> pool.workers.execute(task));
                }
                pool.held.clear();
            }
        }
        release.forEach(Runnable::run);
    }

    @Override
    public void execute(Runnable task) {
        if (!open) {
            synchronized (LOCK) {
                if (!open) {
                    held.add(task);
                    return;
                }
            }
        }
        workers.execute(task);
    }

    @Override
    public void shutdown() {
        workers.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return workers.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return workers.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return workers.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return workers.awaitTermination(timeout, unit);
    }
}
