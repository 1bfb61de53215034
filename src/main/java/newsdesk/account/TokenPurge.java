package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.HousekeepingDue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** A token that expired or was revoked more than newsdesk.tokens.keep.days ago is deleted. */
@ApplicationScoped
public class TokenPurge {

    private static final System.Logger LOG = System.getLogger(TokenPurge.class.getName());

    @Inject
    TokenRepository tokens;

    @Inject
    @ConfigProperty(name = "newsdesk.tokens.keep.days", defaultValue = "30")
    long keepDays;

    void purge(@Observes HousekeepingDue due) {
        int purged = tokens.purgeEnded(due.now().minus(Duration.ofDays(keepDays)));
        LOG.log(System.Logger.Level.DEBUG, "deleted {0} ended token(s)", purged);
    }
}
