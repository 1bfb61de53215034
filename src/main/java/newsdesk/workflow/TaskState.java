package newsdesk.workflow;

/** Where a translation task stands (DESIGN §3). APPROVED and CANCELLED are final. */
public enum TaskState {
    OPEN, CLAIMED, SUBMITTED, APPROVED, CANCELLED
}
