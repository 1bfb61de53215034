package newsdesk.desk;

import newsdesk.platform.Conflict;
import newsdesk.workflow.IllegalTaskTransition;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskState;
import newsdesk.workflow.TaskWorkflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Asks the task workflow and turns its refusals into the API's 409 naming the state and what is allowed. */
final class Transitions {

    private Transitions() {
    }

    static TaskState check(Task task, TaskAction action) {
        try {
            return TaskWorkflow.next(task.state(), action);
        } catch (IllegalTaskTransition e) {
            throw Conflict.illegalAction(e.getMessage(), e.current().name(), slugs(e.allowed()));
        }
    }

    /** The caller thought they held the task, but its claim lapsed or passed to someone else. */
    static Conflict notYours(Task task, Instant now) {
        String why = task.state() != TaskState.CLAIMED ? "it is " + task.state()
                : !task.leaseAlive(now) ? "the lease expired at " + task.leaseExpiresAt()
                : "it is held by " + task.holder();
        return Conflict.illegalAction("You do not hold this task: " + why, task.state().name(),
                slugs(TaskWorkflow.allowed(task.state())));
    }

    static List<String> slugs(Set<TaskAction> actions) {
        return actions.stream().map(TaskAction::slug).sorted().toList();
    }
}
