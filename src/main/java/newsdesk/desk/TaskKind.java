package newsdesk.desk;

import newsdesk.workflow.TaskAction;

/**
 * A first translation; an update of a published one after a major correction of its source; or the
 * review of an editor's correction of a published translation (four eyes, hole 9 of issue 8).
 */
public enum TaskKind {
    TRANSLATE, UPDATE, CORRECTION;

    /** Whether people can take this action on a task of this kind (the table says from which states). */
    boolean offers(TaskAction action) {
        return this == CORRECTION ? action == TaskAction.APPROVE || action == TaskAction.REJECT_CORRECTION
                : action != TaskAction.REJECT_CORRECTION;
    }
}
