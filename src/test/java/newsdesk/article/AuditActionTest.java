package newsdesk.article;

import newsdesk.workflow.EditionAction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditActionTest {

    @Test
    void everyEditionActionIsAuditedUnderItsWorkflowName() {
        for (EditionAction action : EditionAction.values()) {
            assertEquals(action.slug(), AuditAction.of(action).slug());
        }
    }

    @Test
    void theNamesAlreadyInTheTrailStayReadable() {
        Set<String> slugs = Arrays.stream(AuditAction.values()).map(AuditAction::slug).collect(Collectors.toSet());
        for (String stored : List.of("create", "request-translation", "cancel-translation", "edit", "correct", "submit",
                "approve", "approve-update", "reject", "publish", "schedule", "unschedule", "publish-due", "withdraw",
                "claim", "release", "reassign", "rebase", "lease-expired", "cancel-task")) {
            assertTrue(slugs.contains(stored), stored + " is no longer an audit action");
        }
        assertEquals(AuditAction.values().length, slugs.size(), "two audit actions share a name");
    }
}
