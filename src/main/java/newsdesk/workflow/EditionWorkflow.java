package newsdesk.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static newsdesk.workflow.EditionAction.APPROVE;
import static newsdesk.workflow.EditionAction.CORRECT;
import static newsdesk.workflow.EditionAction.EDIT;
import static newsdesk.workflow.EditionAction.PUBLISH;
import static newsdesk.workflow.EditionAction.PUBLISH_DUE;
import static newsdesk.workflow.EditionAction.REJECT;
import static newsdesk.workflow.EditionAction.SCHEDULE;
import static newsdesk.workflow.EditionAction.SUBMIT;
import static newsdesk.workflow.EditionAction.UNSCHEDULE;
import static newsdesk.workflow.EditionAction.WITHDRAW;
import static newsdesk.workflow.EditionState.APPROVED;
import static newsdesk.workflow.EditionState.DRAFT;
import static newsdesk.workflow.EditionState.PUBLISHED;
import static newsdesk.workflow.EditionState.REVIEW;
import static newsdesk.workflow.EditionState.SCHEDULED;
import static newsdesk.workflow.EditionState.TRANSLATION;
import static newsdesk.workflow.EditionState.WITHDRAWN;

/**
 * The edition state machine as one table: (kind, state, action) → next state. Anything not in the
 * table is illegal. A translation reaches PUBLISHED only through APPROVED: its path runs
 * TRANSLATION → REVIEW → APPROVED before any publication action is in its rows. An update submitted for a
 * published translation leaves it PUBLISHED: the new revision waits for review unpublished.
 */
public final class EditionWorkflow {

    private static final Map<EditionKind, Map<EditionState, Map<EditionAction, EditionState>>> TABLE =
            new EnumMap<>(EditionKind.class);

    static {
        source(DRAFT, EDIT, DRAFT);
        source(DRAFT, PUBLISH, PUBLISHED);
        source(DRAFT, SCHEDULE, SCHEDULED);
        source(SCHEDULED, EDIT, SCHEDULED);
        source(SCHEDULED, PUBLISH, PUBLISHED);
        source(SCHEDULED, SCHEDULE, SCHEDULED);
        source(SCHEDULED, UNSCHEDULE, DRAFT);
        source(SCHEDULED, PUBLISH_DUE, PUBLISHED);
        source(PUBLISHED, CORRECT, PUBLISHED);
        source(PUBLISHED, WITHDRAW, WITHDRAWN);
        source(WITHDRAWN, EDIT, WITHDRAWN);
        source(WITHDRAWN, PUBLISH, PUBLISHED);

        translation(TRANSLATION, SUBMIT, REVIEW);
        translation(REVIEW, APPROVE, APPROVED);
        translation(REVIEW, REJECT, TRANSLATION);
        translation(APPROVED, PUBLISH, PUBLISHED);
        translation(APPROVED, SCHEDULE, SCHEDULED);
        translation(SCHEDULED, PUBLISH, PUBLISHED);
        translation(SCHEDULED, SCHEDULE, SCHEDULED);
        translation(SCHEDULED, UNSCHEDULE, APPROVED);
        translation(SCHEDULED, PUBLISH_DUE, PUBLISHED);
        translation(PUBLISHED, CORRECT, PUBLISHED);
        translation(PUBLISHED, SUBMIT, PUBLISHED);
        translation(PUBLISHED, WITHDRAW, WITHDRAWN);
        translation(WITHDRAWN, PUBLISH, PUBLISHED);
    }

    private EditionWorkflow() {
    }

    /** The state the action leads to; {@link IllegalTransition} when the table has no such row. */
    public static EditionState next(EditionKind kind, EditionState state, EditionAction action) {
        return find(kind, state, action).orElseThrow(() -> new IllegalTransition(kind, state, action, allowed(kind, state)));
    }

    public static Optional<EditionState> find(EditionKind kind, EditionState state, EditionAction action) {
        return Optional.ofNullable(rows(kind, state).get(action));
    }

    public static Set<EditionAction> allowed(EditionKind kind, EditionState state) {
        return Collections.unmodifiableSet(rows(kind, state).keySet());
    }

    /** Where a new edition starts: the source as a draft, a translation waiting for its translator. */
    public static EditionState initial(EditionKind kind) {
        return kind == EditionKind.SOURCE ? DRAFT : TRANSLATION;
    }

    private static Map<EditionAction, EditionState> rows(EditionKind kind, EditionState state) {
        return TABLE.getOrDefault(kind, Map.of()).getOrDefault(state, Map.of());
    }

    private static void source(EditionState from, EditionAction action, EditionState to) {
        row(EditionKind.SOURCE, from, action, to);
    }

    private static void translation(EditionState from, EditionAction action, EditionState to) {
        row(EditionKind.TRANSLATION, from, action, to);
    }

    private static void row(EditionKind kind, EditionState from, EditionAction action, EditionState to) {
        TABLE.computeIfAbsent(kind, k -> new EnumMap<>(EditionState.class))
                .computeIfAbsent(from, s -> new EnumMap<>(EditionAction.class))
                .put(action, to);
    }
}
