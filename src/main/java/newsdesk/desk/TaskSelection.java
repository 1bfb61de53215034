package newsdesk.desk;

import newsdesk.workflow.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a task transition moves: a query picking (and, for the queue, locking) candidate rows, and
 * guards re-checked on each row once it is locked, so a row changed meanwhile is left alone.
 */
record TaskSelection(String candidates, boolean candidatesInState, List<Object> params, String guards,
                     List<Object> guardParams) {

    private static final String BY_ID = "SELECT id, holder_id FROM tasks WHERE id = ?";

    /** The task, if it is still at the version it was read at. */
    static TaskSelection asRead(Task task) {
        return new TaskSelection(BY_ID, false, List.of(task.id()), " AND t.version = ?", List.of(task.version()));
    }

    /** The task, if its holder still holds it on the same, live lease (whatever else changed on it). */
    static TaskSelection heldAsRead(Task task, Instant now) {
        return new TaskSelection(BY_ID, false, List.of(task.id()),
                " AND t.holder_id = ? AND t.lease_count = ? AND t.lease_expires_at > ?",
                List.of(task.holderId(), task.leaseCount(), now));
    }

    /** Every task whose lease ran out; rows being changed elsewhere wait for the next sweep. */
    static TaskSelection leaseLapsed(Instant now) {
        return new TaskSelection("SELECT id, holder_id FROM tasks WHERE state = ? AND lease_expires_at <= ?"
                + " FOR UPDATE SKIP LOCKED", true, List.of(now), " AND t.lease_expires_at <= ?", List.of(now));
    }

    boolean guardsTheHolder() {
        return guards.contains("holder_id");
    }

    /** The candidate query's parameters; queries that pick by state get the transition's starting state. */
    List<Object> candidateParams(TaskState from) {
        List<Object> all = new ArrayList<>();
        if (candidatesInState) {
            all.add(from);
        }
        all.addAll(params);
        return all;
    }
}
