/**
 * Publication changes recorded in the same transaction as the change itself, and the relay that hands
 * them to interested parties (feed caches, WebSub, webhooks) after commit, safely across instances.
 */
package newsdesk.outbox;
