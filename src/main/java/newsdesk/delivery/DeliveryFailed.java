package newsdesk.delivery;

/**
 * Fired (CDI) on every failed delivery attempt: {@code channel} is "websub" or "webhook", {@code target}
 * the hub's or the subscriber's URL. For metrics and alerts; delivery itself does not depend on observers.
 */
public record DeliveryFailed(String channel, String target) {
}
