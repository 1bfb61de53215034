package newsdesk.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static newsdesk.workflow.TaskAction.APPROVE;
import static newsdesk.workflow.TaskAction.CANCEL;
import static newsdesk.workflow.TaskAction.CLAIM;
import static newsdesk.workflow.TaskAction.EXPIRE;
import static newsdesk.workflow.TaskAction.REASSIGN;
import static newsdesk.workflow.TaskAction.REBASE;
import static newsdesk.workflow.TaskAction.REJECT;
import static newsdesk.workflow.TaskAction.REJECT_CORRECTION;
import static newsdesk.workflow.TaskAction.REJECT_TO_QUEUE;
import static newsdesk.workflow.TaskAction.RELEASE;
import static newsdesk.workflow.TaskAction.SUBMIT;
import static newsdesk.workflow.TaskState.APPROVED;
import static newsdesk.workflow.TaskState.CANCELLED;
import static newsdesk.workflow.TaskState.CLAIMED;
import static newsdesk.workflow.TaskState.OPEN;
import static newsdesk.workflow.TaskState.REJECTED;
import static newsdesk.workflow.TaskState.SUBMITTED;

/** The translation task state machine as one table: (state, action) → next state. */
public final class TaskWorkflow {

    private static final Map<TaskState, Map<TaskAction, TaskState>> TABLE = new EnumMap<>(TaskState.class);

    static {
        row(OPEN, CLAIM, CLAIMED);
        row(OPEN, REASSIGN, CLAIMED);
        row(OPEN, CANCEL, CANCELLED);
        row(CLAIMED, CLAIM, CLAIMED);
        row(CLAIMED, RELEASE, OPEN);
        row(CLAIMED, EXPIRE, OPEN);
        row(CLAIMED, SUBMIT, SUBMITTED);
        row(CLAIMED, REBASE, CLAIMED);
        row(CLAIMED, REASSIGN, CLAIMED);
        row(CLAIMED, CANCEL, CANCELLED);
        row(SUBMITTED, APPROVE, APPROVED);
        row(SUBMITTED, REJECT, CLAIMED);
        row(SUBMITTED, REJECT_TO_QUEUE, OPEN);
        row(SUBMITTED, REJECT_CORRECTION, REJECTED);
        row(SUBMITTED, CANCEL, CANCELLED);
    }

    private TaskWorkflow() {
    }

    public static TaskState next(TaskState state, TaskAction action) {
        return find(state, action).orElseThrow(() -> new IllegalTaskTransition(state, action, allowed(state)));
    }

    public static Optional<TaskState> find(TaskState state, TaskAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(state, Map.of()).get(action));
    }

    public static Set<TaskAction> allowed(TaskState state) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(state, Map.of()).keySet());
    }

    private static void row(TaskState from, TaskAction action, TaskState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(TaskAction.class)).put(action, to);
    }
}
