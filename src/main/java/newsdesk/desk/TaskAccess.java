package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.platform.Forbidden;
import newsdesk.platform.NotFound;
import newsdesk.platform.Role;

import java.time.Clock;
import java.util.UUID;

/**
 * Who may do what with a task. Editors and admins see every task; translators and reviewers the tasks
 * of their working languages; only a claim's holder works on it; nobody reviews what they submitted.
 */
@ApplicationScoped
public class TaskAccess {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    Clock clock;

    Task existing(UUID id) {
        return tasks.find(id).orElseThrow(() -> new NotFound("No task " + id));
    }

    Task visible(Caller caller, UUID id) {
        Task task = existing(id);
        if (!seesEverything(caller) && !caller.languages().contains(task.language())) {
            throw new Forbidden("This task is in " + task.language() + ", which is not one of your languages");
        }
        return task;
    }

    Task workable(Caller translator, UUID id) {
        Task task = existing(id);
        if (!translator.has(Role.TRANSLATOR) || !translator.languages().contains(task.language())) {
            throw new Forbidden("You do not translate into " + task.language());
        }
        return task;
    }

    /** The task, if the caller holds it with a live lease: 409 for a holder whose claim lapsed or moved on. */
    Task held(Caller translator, UUID id) {
        Task task = workable(translator, id);
        if (!task.heldBy(translator.accountId(), clock.instant())) {
            throw transitions.notYours(task);
        }
        return task;
    }

    /** Four eyes: a reviewer of the task's language who did not submit it (a correction: did not write it). */
    Task reviewable(Caller reviewer, UUID id) {
        Task task = existing(id);
        if (!reviewer.has(Role.REVIEWER) || !reviewer.languages().contains(task.language())) {
            throw new Forbidden("You do not review " + task.language());
        }
        if (reviewer.accountId().equals(task.submittedBy())) {
            throw new Forbidden("Four eyes: nobody reviews a translation or correction of their own");
        }
        return task;
    }

    static boolean seesEverything(Caller caller) {
        return caller.has(Role.EDITOR) || caller.has(Role.ADMIN);
    }
}
