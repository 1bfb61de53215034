package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means the database answers: a load balancer should not send work to an instance that can't store it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final System.Logger LOG = System.getLogger(DatabaseReadiness.class.getName());

    @Inject
    Jdbc jdbc;

    @Override
    public HealthCheckResponse call() {
        try {
            jdbc.one("SELECT 1", row -> row.getInt(1));
            return HealthCheckResponse.up("database");
        } catch (RuntimeException e) {
            // /health is public: the detail goes to the log, not to whoever asks.
            LOG.log(System.Logger.Level.WARNING, "readiness: the database does not answer", e);
            return HealthCheckResponse.named("database").down().withData("error", "the database does not answer").build();
        }
    }
}
