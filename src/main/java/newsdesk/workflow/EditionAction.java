package newsdesk.workflow;

import java.util.Locale;

/** What can happen to an edition. Names are what the API and the audit trail call them. */
public enum EditionAction {
    /** Save new text (a new revision) before publication. */
    EDIT,
    /**
     * Save new text of a published edition, or publish an approved revision of it: a correction (the Atom id
     * stays, `updated` moves). A correction held for review changes no publication fact.
     */
    CORRECT,
    /** A translator hands in a translation, or an update of a published one (which stays live as it was). */
    SUBMIT,
    /** A reviewer accepts a translation. */
    APPROVE,
    /** A reviewer sends a translation back. */
    REJECT,
    /** An editor publishes now. */
    PUBLISH,
    /** An editor sets a future publication time. */
    SCHEDULE,
    /** An editor calls a scheduled publication off. */
    UNSCHEDULE,
    /** The scheduler publishes an edition whose time has come. */
    PUBLISH_DUE,
    /** An editor takes a published edition down (with a reason). */
    WITHDRAW;

    /** "PUBLISH_DUE" → "publish-due", as the API and problem bodies spell it. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
