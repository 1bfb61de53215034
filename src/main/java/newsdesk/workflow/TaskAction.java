package newsdesk.workflow;

import java.util.Locale;

/** What can happen to a translation task. */
public enum TaskAction {
    /** A translator takes the task (or renews their own lease on it). */
    CLAIM,
    /** The holder gives it back to the queue. */
    RELEASE,
    /** The lease ran out: back to the queue. */
    EXPIRE,
    /** The holder hands the translation in for review. */
    SUBMIT,
    /** A reviewer accepts it. */
    APPROVE,
    /** A reviewer sends it back to its translator, whose lease is still alive. */
    REJECT,
    /** A reviewer sends it back, and the translator's lease has run out: it goes to the queue. */
    REJECT_TO_QUEUE,
    /** The holder accepts the source's changes: the task is pinned to the source's current revision. */
    REBASE,
    /** A reviewer turns down an editor's correction of a published translation: the review ends. */
    REJECT_CORRECTION,
    /** An editor gives the task to a named translator. */
    REASSIGN,
    /** An editor calls the task off. */
    CANCEL;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
