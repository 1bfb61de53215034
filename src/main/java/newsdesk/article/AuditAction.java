package newsdesk.article;

import newsdesk.workflow.EditionAction;

import java.util.Locale;

/**
 * What the audit trail records. The slug ("publish-due") is what the events table and the API carry, so
 * names already stored stay readable; the edition actions keep their workflow names.
 */
public enum AuditAction {
    /** An editor wrote a new story (its source edition, revision 1). */
    CREATE,
    /** An editor changed the story's section, tags or byline. */
    CHANGE_METADATA,
    /** An editor asked for a language: the translation edition opens. */
    REQUEST_TRANSLATION,
    /** A first translation that never went out was called off: its edition is gone. */
    CANCEL_TRANSLATION,
    EDIT, CORRECT, SUBMIT, APPROVE, REJECT, PUBLISH, SCHEDULE, UNSCHEDULE, PUBLISH_DUE, WITHDRAW,
    /** A reviewer approved an update of a live translation: the approved revision went out. */
    APPROVE_UPDATE,
    /** A reviewer approved an editor's pending (major) correction of a translation: it went out. */
    APPROVE_CORRECTION,
    /** A reviewer confirmed an editor's minor correction of a translation that went out at once. */
    CONFIRM_CORRECTION,
    /** A reviewer rejected a live minor correction of a translation: the earlier text went out again. */
    REVERT_CORRECTION,
    // The desk's notes on a translation: its tasks change, the edition does not.
    CLAIM, RELEASE, REASSIGN, REBASE, LEASE_EXPIRED, CANCEL_TASK,
    /** A reviewer turned down an editor's correction of a translation (a live one is reverted as well). */
    REJECT_CORRECTION,
    /** A reviewer let a glossary hit stand on a task (a form the glossary forbids, a term left out), with a reason. */
    OVERRIDE_GLOSSARY;

    /** "PUBLISH_DUE" → "publish-due". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The audit action of an edition's workflow action (same name). */
    public static AuditAction of(EditionAction action) {
        return valueOf(action.name());
    }
}
