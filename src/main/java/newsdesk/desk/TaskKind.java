package newsdesk.desk;

/**
 * A first translation; an update of a published one after a major correction of its source; or the
 * review of an editor's correction of a published translation (four eyes, hole 9 of issue 8).
 */
public enum TaskKind {
    TRANSLATE, UPDATE, CORRECTION
}
