/**
 * The workflow rules in one place: which action may move an edition from which state to which, and the
 * article state derived from its editions. Pure Java, no I/O: services ask, repositories guard.
 */
package newsdesk.workflow;
