package newsdesk.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions, their deliveries (one per event) and the log of attempts. */
@ApplicationScoped
public class WebhookRepository {

    private static final String COLUMNS = """
            id, url, event_types, languages, enabled, disabled_reason, failing_since, created_at, updated_at, version""";

    @Inject
    Jdbc jdbc;

    /** A delivery claimed for one attempt, with what it takes to send it. */
    record Claimed(UUID deliveryId, UUID webhookId, String url, String secret, String payload, int attempts) {
    }

    void insert(UUID id, String url, Collection<String> eventTypes, Collection<String> languages, String secret,
                Instant now) {
        jdbc.update("""
                INSERT INTO webhooks (id, url, event_types, languages, secret, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, url, eventTypes, languages, secret, now, now);
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?", WebhookRepository::webhook, id);
    }

    Optional<String> secret(UUID id) {
        return jdbc.one("SELECT secret FROM webhooks WHERE id = ?", row -> row.getString("secret"), id);
    }

    /** Ordered by id, after the given one; fetches limit + 1 to see if more exist. */
    List<Webhook> listAfter(UUID after, int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM webhooks WHERE ?::uuid IS NULL OR id > ? ORDER BY id LIMIT ?",
                WebhookRepository::webhook, after, after, limit + 1);
    }

    /** Guarded update: only at the version the admin read. Re-enabling clears why it was disabled. */
    boolean update(UUID id, long expectedVersion, String url, Collection<String> eventTypes,
                   Collection<String> languages, boolean enabled, String disabledReason, Instant now) {
        return jdbc.update("""
                UPDATE webhooks SET url = ?, event_types = ?, languages = ?, enabled = ?, disabled_reason = ?,
                       failing_since = CASE WHEN ? THEN NULL ELSE failing_since END,
                       updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?""",
                url, eventTypes, languages, enabled, disabledReason, enabled, now, id, expectedVersion) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM webhooks WHERE id = ?", id) == 1;
    }

    /** The enabled subscriptions that want this event type in this language. */
    List<UUID> subscribers(String eventType, String language) {
        return jdbc.list("""
                SELECT id FROM webhooks
                 WHERE enabled AND ? = ANY (event_types) AND (cardinality(languages) = 0 OR ? = ANY (languages))""",
                row -> Jdbc.uuid(row, "id"), eventType, language);
    }

    void insertDelivery(UUID id, UUID webhookId, String eventType, String payload, Instant now) {
        jdbc.update("""
                INSERT INTO webhook_deliveries (id, webhook_id, event_type, payload, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", id, webhookId, eventType, payload, now, now);
    }

    /** The most overdue delivery of an enabled subscription, leased until {@code leaseUntil}; other instances skip it. */
    Optional<Claimed> claimDue(Instant now, Instant leaseUntil) {
        return jdbc.one("""
                UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = ?
                  FROM webhooks w
                 WHERE w.id = d.webhook_id
                   AND d.id = (SELECT p.id FROM webhook_deliveries p JOIN webhooks s ON s.id = p.webhook_id
                                WHERE p.state = 'pending' AND p.next_attempt_at <= ? AND s.enabled
                                ORDER BY p.next_attempt_at, p.created_at LIMIT 1
                                  FOR UPDATE OF p SKIP LOCKED)
                RETURNING d.id, d.webhook_id, w.url, w.secret, d.payload, d.attempts""",
                row -> new Claimed(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "webhook_id"), row.getString("url"),
                        row.getString("secret"), row.getString("payload"), row.getInt("attempts")),
                leaseUntil, now);
    }

    void logAttempt(UUID deliveryId, Instant at, Integer status, String error, long durationMillis) {
        jdbc.update("""
                INSERT INTO webhook_attempts (delivery_id, attempted_at, status, error, duration_millis)
                VALUES (?, ?, ?, ?, ?)""", deliveryId, at, status, error, (int) Math.min(durationMillis, Integer.MAX_VALUE));
    }

    /** Delivered, or (next == null) given up after the last scheduled retry; otherwise due again at {@code next}. */
    void settle(UUID deliveryId, String state, Instant next) {
        jdbc.update("UPDATE webhook_deliveries SET state = ?, next_attempt_at = ? WHERE id = ?", state, next, deliveryId);
    }

    void succeeded(UUID webhookId) {
        jdbc.update("UPDATE webhooks SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL", webhookId);
    }

    /** Notes the failure; returns since when the subscription has failed without a success in between. */
    Instant failed(UUID webhookId, Instant now) {
        return jdbc.one("""
                UPDATE webhooks SET failing_since = COALESCE(failing_since, ?) WHERE id = ? RETURNING failing_since""",
                row -> Jdbc.instant(row, "failing_since"), now, webhookId).orElse(now);
    }

    /** Stops deliveries to an enabled subscription; true when this call disabled it. */
    boolean disable(UUID webhookId, String reason, Instant now) {
        return jdbc.update("""
                UPDATE webhooks SET enabled = false, disabled_reason = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND enabled""", reason, now, webhookId) == 1;
    }

    /** After re-enabling: what waited is due at once. */
    void resumePending(UUID webhookId, Instant now) {
        jdbc.update("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE webhook_id = ? AND state = 'pending'",
                now, webhookId);
    }

    /** Deliveries newest first, after the given (created_at, id); fetches limit + 1 to see if more exist. */
    List<WebhookDelivery> deliveries(UUID webhookId, Instant afterCreated, UUID afterId, int limit) {
        return jdbc.list("""
                SELECT id, event_type, state, created_at, next_attempt_at FROM webhook_deliveries
                 WHERE webhook_id = ? AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))
                 ORDER BY created_at DESC, id DESC LIMIT ?""",
                row -> new WebhookDelivery(Jdbc.uuid(row, "id"), row.getString("event_type"), row.getString("state"),
                        Jdbc.instant(row, "created_at"), Jdbc.instant(row, "next_attempt_at"), List.of()),
                webhookId, afterCreated, afterCreated, afterId, limit + 1);
    }

    /** The attempts of one delivery, oldest first. */
    List<WebhookDelivery.Attempt> attempts(UUID deliveryId) {
        return jdbc.list("""
                SELECT attempted_at, status, error, duration_millis FROM webhook_attempts
                 WHERE delivery_id = ? ORDER BY id""",
                row -> new WebhookDelivery.Attempt(Jdbc.instant(row, "attempted_at"),
                        (Integer) row.getObject("status"), row.getString("error"), row.getLong("duration_millis")),
                deliveryId);
    }

    private static Webhook webhook(ResultSet row) throws SQLException {
        return new Webhook(Jdbc.uuid(row, "id"), row.getString("url"), Jdbc.strings(row, "event_types"),
                Jdbc.strings(row, "languages"), row.getBoolean("enabled"), row.getString("disabled_reason"),
                Jdbc.instant(row, "failing_since"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"),
                null, row.getLong("version"));
    }
}
