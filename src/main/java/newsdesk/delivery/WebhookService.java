package newsdesk.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.language.LanguageService;
import newsdesk.platform.ETags;
import newsdesk.platform.FieldError;
import newsdesk.platform.Idempotency;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.PreconditionFailed;
import newsdesk.platform.SortKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Admins manage webhook subscriptions and read their delivery log. Authorization: the resource's role annotations. */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookRepository webhooks;

    @Inject
    LanguageService languages;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Inject
    Event<DeliveryFailed> failures;

    /** Waits before retry 1, 2, …; after the last one the delivery is given up ("failed"). */
    @Inject
    @ConfigProperty(name = "newsdesk.webhook.retry.schedule", defaultValue = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    String retrySchedule;

    @Inject
    @ConfigProperty(name = "newsdesk.webhook.disable.after", defaultValue = "P1D")
    String disableAfter;

    /** The result of a create: the subscription with its secret, and whether an earlier request with the same key made it. */
    public record Created(Webhook webhook, boolean replayed) {
    }

    /**
     * Subscribes a URL to event types (and languages) with a new signing secret, returned here only (and to a
     * replay of the same Idempotency-Key, which is the same request). 422 for a URL that is not http(s), an
     * unknown event type or language.
     */
    @InTransaction
    public Created create(Caller admin, CreateWebhookRequest request, String idempotencyKey) {
        Idempotency.Outcome outcome = idempotency.create(admin.accountId(), "webhooks", idempotencyKey, request, () -> {
            UUID id = UUID.randomUUID();
            webhooks.insert(id, checkUrl(request.url()), checkTypes(request.eventTypes()), checkLanguages(request.languages()),
                    Signature.newSecret(), clock.instant());
            return id;
        });
        Webhook webhook = get(outcome.resourceId());
        return new Created(webhook.withSecret(webhooks.secret(webhook.id()).orElseThrow()), outcome.replayed());
    }

    public Webhook get(UUID id) {
        return webhooks.find(id).orElseThrow(() -> new NotFound("No webhook " + id));
    }

    public Page<Webhook> list(PageRequest page) {
        UUID after = page.after() == null ? null : SortKey.id(page.after());
        return page.page(webhooks.listAfter(after, page.limit()), webhook -> webhook.id().toString());
    }

    /**
     * Changes the given members if the subscription is still at the version the admin read (412 otherwise).
     * Enabling a disabled one clears why it was disabled and sends what waited at once.
     */
    @InTransaction
    public Webhook update(UUID id, long expectedVersion, UpdateWebhookRequest request) {
        Webhook current = get(id);
        String url = request.url() == null ? current.url() : checkUrl(request.url());
        List<String> types = request.eventTypes() == null ? current.eventTypes() : checkTypes(request.eventTypes());
        List<String> langs = request.languages() == null ? current.languages() : checkLanguages(request.languages());
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        String reason = enabled ? null : current.enabled() ? "disabled by an admin" : current.disabledReason();
        Instant now = clock.instant();
        if (!webhooks.update(id, expectedVersion, url, types, langs, enabled, reason, now)) {
            throw PreconditionFailed.stale(ETags.of(current.version()));
        }
        if (enabled && !current.enabled()) {
            webhooks.resumePending(id, now);
        }
        return get(id);
    }

    /** Ends the subscription and forgets its deliveries; 404 when there is none. */
    @InTransaction
    public void delete(UUID id) {
        if (!webhooks.delete(id)) {
            throw new NotFound("No webhook " + id);
        }
    }

    /** The delivery log, newest first, each delivery with its attempts. */
    public Page<WebhookDelivery> deliveries(UUID id, PageRequest page) {
        get(id);
        Instant afterCreated = null;
        UUID afterId = null;
        if (page.after() != null) {
            List<String> parts = SortKey.parts(page.after(), 2);
            afterCreated = SortKey.instant(parts.get(0));
            afterId = SortKey.id(parts.get(1));
        }
        Page<WebhookDelivery> found = page.page(webhooks.deliveries(id, afterCreated, afterId, page.limit()),
                d -> d.createdAt() + "|" + d.id());
        return new Page<>(found.items().stream().map(d -> new WebhookDelivery(d.id(), d.type(), d.state(), d.createdAt(),
                d.nextAttemptAt(), webhooks.attempts(d.id()))).toList(), found.nextCursor());
    }

    /**
     * Logs one attempt of a claimed delivery and settles it (called by the sender, one transaction): delivered;
     * or due again after the next wait of the schedule, failed when it ran out. A subscription that has failed
     * without a success for the configured window is disabled, with the reason and since when; one that answers
     * 410 Gone at once.
     */
    @InTransaction
    public void attempted(WebhookRepository.Claimed delivery, Instant at, HttpPost.Outcome outcome) {
        webhooks.logAttempt(delivery.deliveryId(), at, outcome.status(), outcome.error(), outcome.durationMillis());
        if (outcome.delivered()) {
            webhooks.settle(delivery.deliveryId(), "delivered", null);
            webhooks.succeeded(delivery.webhookId());
            return;
        }
        List<Duration> waits = schedule();
        boolean more = delivery.attempts() <= waits.size();
        webhooks.settle(delivery.deliveryId(), more ? "pending" : "failed",
                more ? at.plus(waits.get(delivery.attempts() - 1)) : null);
        Instant failingSince = webhooks.failed(delivery.webhookId(), at);
        if (Integer.valueOf(410).equals(outcome.status())) {
            // Standard Webhooks: 410 Gone asks the sender to stop for good.
            webhooks.disable(delivery.webhookId(), "The subscriber answered 410 Gone", at);
        } else if (!failingSince.plus(Duration.parse(disableAfter)).isAfter(at)) {
            webhooks.disable(delivery.webhookId(), "Every delivery failed since " + failingSince + "; last: "
                    + outcome.describe(), at);
        }
        failures.fire(new DeliveryFailed("webhook", delivery.url()));
    }

    private List<Duration> schedule() {
        return java.util.Arrays.stream(retrySchedule.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList();
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw Invalid.field("url", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw Invalid.field("url", "must name a host, with no user info or fragment");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw Invalid.field("url", "is not a URL: " + e.getReason());
        }
    }

    private static List<String> checkTypes(List<String> names) {
        List<FieldError> errors = names.stream().filter(name -> EventType.parse(name).isEmpty())
                .map(name -> new FieldError("eventTypes", "unknown event type " + name + "; use "
                        + String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList())))
                .toList();
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private List<String> checkLanguages(List<String> codes) {
        Set<String> known = languages.codes();
        List<String> result = new ArrayList<>(new LinkedHashSet<>(codes == null ? List.of() : codes));
        List<FieldError> errors = result.stream().filter(code -> !known.contains(code))
                .map(code -> new FieldError("languages", "unknown site language " + code)).toList();
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return result;
    }
}
