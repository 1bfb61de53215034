package newsdesk.workflow;

/**
 * Where a translation task stands (DESIGN §3). APPROVED, REJECTED (a correction a reviewer turned down)
 * and CANCELLED are final.
 */
public enum TaskState {
    OPEN, CLAIMED, SUBMITTED, APPROVED, REJECTED, CANCELLED
}
