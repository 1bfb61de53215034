package newsdesk.article;

import java.time.Instant;

/**
 * What comes with an edition's action besides the action itself; start from {@link #none()} or
 * {@link #ifMatch(long)} and add what applies. Null fields mean "nothing of that kind".
 *
 * @param expectedVersion the version the client read (If-Match): 412 when the edition moved on
 * @param at              the publication time of SCHEDULE
 * @param reason          why it is withdrawn
 * @param text            a new revision's text
 * @param held            a correction's new text waits unpublished for review (a translation's major correction)
 * @param revision        an existing revision to publish as a correction (an approved update or correction)
 * @param liveAtMost      409 if the live revision is newer than this (the reviewer judged an older state)
 * @param sourceRevision  the source revision the translation is now made from
 * @param audit           how the audit trail names it, when not by the workflow action
 * @param detail          the audit event's detail, when not the default
 */
public record Change(Long expectedVersion, Instant at, String reason, Text text, boolean held, Integer revision,
                     Integer liveAtMost, Integer sourceRevision, AuditAction audit, String detail) {

    /** A revision's text as written; the door sanitizes it. */
    public record Text(String title, String summary, String body, String note) {
    }

    public static Change none() {
        return new Change(null, null, null, null, false, null, null, null, null, null);
    }

    public static Change ifMatch(long version) {
        return none().withVersion(version);
    }

    Change withVersion(long version) {
        return new Change(version, at, reason, text, held, revision, liveAtMost, sourceRevision, audit, detail);
    }

    public Change at(Instant time) {
        return new Change(expectedVersion, time, reason, text, held, revision, liveAtMost, sourceRevision, audit, detail);
    }

    public Change because(String why) {
        return new Change(expectedVersion, at, why, text, held, revision, liveAtMost, sourceRevision, audit, detail);
    }

    public Change text(Text newText) {
        return new Change(expectedVersion, at, reason, newText, held, revision, liveAtMost, sourceRevision, audit, detail);
    }

    /** The new text of a correction is saved but not published: a reviewer decides. */
    public Change heldForReview() {
        return new Change(expectedVersion, at, reason, text, true, revision, liveAtMost, sourceRevision, audit, detail);
    }

    /** Publishes this existing revision (409 if a newer one is already live). */
    public Change publishing(int number) {
        return new Change(expectedVersion, at, reason, text, held, number, number, sourceRevision, audit, detail);
    }

    public Change unlessLiveNewerThan(int number) {
        return new Change(expectedVersion, at, reason, text, held, revision, number, sourceRevision, audit, detail);
    }

    public Change pinnedTo(int source) {
        return new Change(expectedVersion, at, reason, text, held, revision, liveAtMost, source, audit, detail);
    }

    public Change described(String eventDetail) {
        return new Change(expectedVersion, at, reason, text, held, revision, liveAtMost, sourceRevision, audit,
                eventDetail);
    }

    public Change audited(AuditAction action, String eventDetail) {
        return new Change(expectedVersion, at, reason, text, held, revision, liveAtMost, sourceRevision, action,
                eventDetail);
    }
}
