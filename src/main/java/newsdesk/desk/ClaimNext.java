package newsdesk.desk;

/** POST /api/tasks/claim-next {language?}: the best open task, in one language or any of the translator's. */
public record ClaimNext(String language) {
}
