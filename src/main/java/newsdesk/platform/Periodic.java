package newsdesk.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The background jobs every instance runs (scheduled publication, lease sweeping, the outbox relay): each
 * runs with a fixed delay after the previous run ends, a failed run is logged and retried at the next
 * interval, and all stop when the application does.
 */
@ApplicationScoped
public class Periodic {

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    private final List<ScheduledFuture<?>> jobs = new CopyOnWriteArrayList<>();

    /** Runs {@code job} every {@code interval}, first after one interval. */
    public void every(String name, Duration interval, Runnable job) {
        long millis = interval.toMillis();
        jobs.add(executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; retrying at the next interval", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        jobs.forEach(job -> job.cancel(false));
    }
}
