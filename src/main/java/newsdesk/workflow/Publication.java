package newsdesk.workflow;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The publication facts of one edition and how an action changes them: the state, the Atom id (minted
 * at first publication, never changed after), first publication, last publication change ("updated")
 * and the scheduled time.
 */
public record Publication(EditionKind kind, EditionState state, String atomId, Instant firstPublishedAt,
                          Instant updatedAt, Instant publishAt) {

    public static Publication start(EditionKind kind) {
        return new Publication(kind, EditionWorkflow.initial(kind), null, null, null, null);
    }

    /**
     * The facts after the action at {@code now}; {@code at} is the publication time for SCHEDULE.
     * Throws {@link IllegalTransition} when the workflow does not allow the action.
     */
    public Publication apply(EditionAction action, Instant now, Instant at, Supplier<String> newAtomId) {
        EditionState next = EditionWorkflow.next(kind, state, action);
        return switch (action) {
            case PUBLISH, PUBLISH_DUE -> new Publication(kind, next, atomId != null ? atomId : newAtomId.get(),
                    firstPublishedAt != null ? firstPublishedAt : now, now, null);
            case SCHEDULE -> {
                if (at == null || !at.isAfter(now)) {
                    throw new IllegalArgumentException("a schedule needs a time in the future");
                }
                yield new Publication(kind, next, atomId, firstPublishedAt, updatedAt, at);
            }
            case UNSCHEDULE -> new Publication(kind, next, atomId, firstPublishedAt, updatedAt, null);
            case CORRECT, WITHDRAW -> new Publication(kind, next, atomId, firstPublishedAt, now, publishAt);
            case EDIT, SUBMIT, APPROVE, REJECT -> new Publication(kind, next, atomId, firstPublishedAt, updatedAt, publishAt);
        };
    }

    public boolean isPublished() {
        return state == EditionState.PUBLISHED;
    }
}
