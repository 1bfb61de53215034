package newsdesk.article;

import newsdesk.workflow.EditionAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditActionTest {

    @Test
    void everyEditionActionIsAuditedUnderItsWorkflowName() {
        for (EditionAction action : EditionAction.values()) {
            assertEquals(action.slug(), AuditAction.of(action).slug());
        }
    }

    @Test
    void theNamesAlreadyInTheTrailStayReadable() {
        for (String stored : List.of("create", "request-translation", "cancel-translation", "edit", "correct", "submit",
                "approve", "approve-update", "reject", "publish", "schedule", "unschedule", "publish-due", "withdraw",
                "claim", "release", "reassign", "rebase", "lease-expired", "cancel-task")) {
            assertEquals(stored, AuditAction.ofSlug(stored).slug());
        }
        assertThrows(IllegalArgumentException.class, () -> AuditAction.ofSlug("publish_due"));
    }
}
