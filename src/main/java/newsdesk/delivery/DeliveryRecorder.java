package newsdesk.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import newsdesk.article.Article;
import newsdesk.article.ArticleService;
import newsdesk.article.EditionSummary;
import newsdesk.feed.FeedFormat;
import newsdesk.feed.FeedService;
import newsdesk.outbox.PublicationChanged;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns each change the outbox relay hands over into persisted deliveries, inside the relay's transaction (so
 * a committed change is never lost and a failed write makes the relay retry): a pending WebSub ping for every
 * feed that changed (the language's feeds and its section's feeds, in each format), and a signed-to-be webhook
 * message for every enabled subscription to that event type and language.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final List<FeedFormat> FORMATS = List.of(FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON);

    @Inject
    ArticleService articles;

    @Inject
    FeedService feeds;

    @Inject
    WebSubRepository pings;

    @Inject
    WebhookRepository webhooks;

    @Inject
    Clock clock;

    void onChange(@Observes PublicationChanged change) {
        Instant now = clock.instant();
        Article article = articles.get(change.articleId());
        if (feeds.hub().isPresent()) {
            for (FeedFormat format : FORMATS) {
                pings.pending(feeds.selfUrl(change.language(), null, format), now);
                pings.pending(feeds.selfUrl(change.language(), article.section(), format), now);
            }
        }
        EventType type = EventType.ofTopic(change.topic());
        List<UUID> subscribers = webhooks.subscribers(type.wireName(), change.language());
        if (subscribers.isEmpty()) {
            return;
        }
        String payload = payload(type, change, article, now);
        for (UUID webhook : subscribers) {
            webhooks.insertDelivery(UUID.randomUUID(), webhook, type.wireName(), payload, now);
        }
    }

    /** Standard Webhooks' {type, timestamp, data}; the bytes are stored, so every retry sends (and signs) the same. */
    private static String payload(EventType type, PublicationChanged change, Article article, Instant now) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("articleId", change.articleId().toString())
                .add("language", change.language())
                .add("section", article.section())
                .add("action", change.topic());
        article.editions().stream().filter(e -> e.language().equals(change.language())).map(EditionSummary::slug)
                .filter(java.util.Objects::nonNull).findFirst().ifPresent(slug -> data.add("slug", slug));
        return Json.createObjectBuilder().add("type", type.wireName()).add("timestamp", now.toString())
                .add("data", data).build().toString();
    }
}
