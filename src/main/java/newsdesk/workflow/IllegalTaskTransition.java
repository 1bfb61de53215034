package newsdesk.workflow;

import java.util.Locale;
import java.util.Set;

/** The action is not allowed from the task's current state; carries what is allowed instead. */
public class IllegalTaskTransition extends RuntimeException {

    private final TaskState current;
    private final Set<TaskAction> allowed;

    IllegalTaskTransition(TaskState current, TaskAction action, Set<TaskAction> allowed) {
        super("A task in " + current + " cannot be " + past(action));
        this.current = current;
        this.allowed = Set.copyOf(allowed);
    }

    public TaskState current() {
        return current;
    }

    public Set<TaskAction> allowed() {
        return allowed;
    }

    private static String past(TaskAction action) {
        return switch (action) {
            case CLAIM -> "claimed";
            case SUBMIT -> "submitted";
            case REJECT, REJECT_TO_QUEUE, REJECT_CORRECTION -> "rejected";
            case REASSIGN -> "reassigned";
            case REBASE -> "rebased";
            case CANCEL -> "cancelled";
            default -> action.name().toLowerCase(Locale.ROOT) + "d";
        };
    }
}
