package newsdesk.article;

import newsdesk.platform.Conflict;
import newsdesk.platform.Invalid;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionWorkflow;
import newsdesk.workflow.IllegalTransition;
import newsdesk.workflow.Publication;

import java.time.Instant;
import java.util.List;

/** Asks the workflow about an edition and turns its refusals into the API's 409 (and 422 for a bad time). */
final class Transitions {

    private Transitions() {
    }

    static Publication apply(Edition edition, EditionAction action, Instant now, Instant at) {
        try {
            return edition.publication().apply(action, now, at, () -> "urn:uuid:" + java.util.UUID.randomUUID());
        } catch (IllegalTransition e) {
            throw Conflict.illegalAction(e.getMessage(), e.current().name(), slugs(e.allowed()));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("at", "must be in the future");
        }
    }

    /** A 409 for an action the table would allow but a rule outside it forbids (e.g. source not yet published). */
    static Conflict refuse(Edition edition, EditionAction action, String why) {
        Publication p = edition.publication();
        return Conflict.illegalAction("Cannot " + action.slug() + " the " + edition.language() + " edition: " + why,
                p.state().name(), slugs(EditionWorkflow.allowed(p.kind(), p.state())));
    }

    private static List<String> slugs(java.util.Set<EditionAction> actions) {
        return actions.stream().filter(a -> a != EditionAction.PUBLISH_DUE).map(EditionAction::slug).sorted().toList();
    }
}
