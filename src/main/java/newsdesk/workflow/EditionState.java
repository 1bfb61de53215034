package newsdesk.workflow;

/** Where one language version of a story stands (DESIGN §3). */
public enum EditionState {
    DRAFT, TRANSLATION, REVIEW, APPROVED, SCHEDULED, PUBLISHED, WITHDRAWN
}
