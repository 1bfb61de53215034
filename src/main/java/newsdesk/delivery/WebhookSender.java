package newsdesk.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sends due webhook deliveries, one claimed row at a time, signed per Standard Webhooks: the delivery's id is
 * {@code webhook-id} on every attempt, {@code webhook-timestamp} is the attempt's time. 2xx is delivered;
 * anything else (or no answer within the timeout) is retried on the configured schedule.
 */
@ApplicationScoped
public class WebhookSender {


    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookService service;

    @Inject
    Periodic periodic;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.concurrency", defaultValue = "4")
    int concurrency;

    private Dispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.interval.millis", defaultValue = "500")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.timeout.millis", defaultValue = "10000")
    long timeoutMillis;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        dispatcher = new Dispatcher("webhook deliveries", threadFactory, concurrency);
        periodic.every("webhook deliveries", Duration.ofMillis(intervalMillis), this::sendDue);
    }

    private void sendDue() {
        dispatcher.drain(() -> {
            Instant now = clock.instant();
            // A claimed delivery is another instance's to retry only after this attempt surely ended.
            return webhooks.claimDue(now, now.plus(Duration.ofMillis(timeoutMillis)).plusSeconds(10));
        }, this::send);
    }

    private void send(WebhookRepository.Claimed delivery) {
        Instant at = clock.instant();
        String id = delivery.deliveryId().toString();
        long timestamp = at.getEpochSecond();
        HttpPost.Outcome outcome = HttpPost.send(delivery.url(), "application/json", Map.of(
                "webhook-id", id,
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", Signature.sign(delivery.secret(), id, timestamp, delivery.payload()),
                "User-Agent", "Newsdesk-Webhooks/1"), delivery.payload(), Duration.ofMillis(timeoutMillis));
        service.attempted(delivery, at, outcome);
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }
}
