/**
 * Persisted, at-least-once deliveries of publication changes from the outbox: WebSub pings for every feed
 * that changed, and signed Standard Webhooks to admin-managed subscriptions, retried with back-off across restarts.
 */
package newsdesk.delivery;
