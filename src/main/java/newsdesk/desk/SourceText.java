package newsdesk.desk;

/** The source text a task translates: the pinned revision. */
public record SourceText(String language, int revision, String title, String summary, String body) {
}
