package newsdesk.desk;

/** A first translation, or an update of a published one after a major correction of its source. */
public enum TaskKind {
    TRANSLATE, UPDATE
}
