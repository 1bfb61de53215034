package newsdesk.workflow;

import java.util.Locale;
import java.util.Set;

/** The action is not allowed from the edition's current state; carries what is allowed instead. */
public class IllegalTransition extends RuntimeException {

    private final EditionState current;
    private final Set<EditionAction> allowed;

    IllegalTransition(EditionKind kind, EditionState current, EditionAction action, Set<EditionAction> allowed) {
        super("A " + kind.name().toLowerCase(Locale.ROOT) + " edition in " + current + " cannot "
                + action.slug());
        this.current = current;
        this.allowed = Set.copyOf(allowed);
    }

    public EditionState current() {
        return current;
    }

    public Set<EditionAction> allowed() {
        return allowed;
    }
}
