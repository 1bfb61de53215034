package newsdesk.workflow;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static newsdesk.workflow.TaskAction.APPROVE;
import static newsdesk.workflow.TaskAction.CANCEL;
import static newsdesk.workflow.TaskAction.CLAIM;
import static newsdesk.workflow.TaskAction.EXPIRE;
import static newsdesk.workflow.TaskAction.REASSIGN;
import static newsdesk.workflow.TaskAction.REBASE;
import static newsdesk.workflow.TaskAction.REJECT;
import static newsdesk.workflow.TaskAction.REJECT_CORRECTION;
import static newsdesk.workflow.TaskAction.REJECT_TO_QUEUE;
import static newsdesk.workflow.TaskAction.RELEASE;
import static newsdesk.workflow.TaskAction.SUBMIT;
import static newsdesk.workflow.TaskState.APPROVED;
import static newsdesk.workflow.TaskState.CANCELLED;
import static newsdesk.workflow.TaskState.CLAIMED;
import static newsdesk.workflow.TaskState.OPEN;
import static newsdesk.workflow.TaskState.REJECTED;
import static newsdesk.workflow.TaskState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task state machine of DESIGN §3, row by row, written out here independently of the table. */
class TaskWorkflowTest {

    private static final Map<TaskState, Map<TaskAction, TaskState>> EXPECTED = Map.of(
            OPEN, Map.of(CLAIM, CLAIMED, REASSIGN, CLAIMED, CANCEL, CANCELLED),
            CLAIMED, Map.of(CLAIM, CLAIMED, RELEASE, OPEN, EXPIRE, OPEN, SUBMIT, SUBMITTED, REBASE, CLAIMED,
                    REASSIGN, CLAIMED, CANCEL, CANCELLED),
            SUBMITTED, Map.of(APPROVE, APPROVED, REJECT, CLAIMED, REJECT_TO_QUEUE, OPEN, REJECT_CORRECTION, REJECTED,
                    CANCEL, CANCELLED),
            APPROVED, Map.of(),
            REJECTED, Map.of(),
            CANCELLED, Map.of());

    @Test
    void everyStateIsCoveredHere() {
        assertEquals(EnumSet.allOf(TaskState.class), EXPECTED.keySet());
    }

    @Test
    void everyRowLeadsWhereDesignSays() {
        EXPECTED.forEach((state, rows) -> rows.forEach((action, next) ->
                assertEquals(next, TaskWorkflow.next(state, action), state + " --" + action + "-->")));
    }

    @Test
    void theAllowedActionsAreExactlyTheRows() {
        EXPECTED.forEach((state, rows) -> assertEquals(rows.keySet(), TaskWorkflow.allowed(state), state.name()));
    }

    @Test
    void everyOtherActionIsRefusedNamingTheStateAndWhatIsAllowed() {
        int refused = 0;
        for (TaskState state : TaskState.values()) {
            for (TaskAction action : TaskAction.values()) {
                if (EXPECTED.get(state).containsKey(action)) {
                    continue;
                }
                IllegalTaskTransition refusal = assertThrows(IllegalTaskTransition.class,
                        () -> TaskWorkflow.next(state, action), state + " --" + action + "-->");
                assertEquals(state, refusal.current());
                assertEquals(EXPECTED.get(state).keySet(), refusal.allowed());
                assertTrue(refusal.getMessage().contains(state.name()), refusal.getMessage());
                assertTrue(TaskWorkflow.find(state, action).isEmpty());
                refused++;
            }
        }
        assertTrue(refused > TaskAction.values().length, "refusals checked: " + refused);
    }

    @Test
    void finalStatesAllowNothing() {
        for (TaskState state : Set.of(APPROVED, REJECTED, CANCELLED)) {
            assertTrue(TaskWorkflow.allowed(state).isEmpty(), state.name());
            for (TaskAction action : TaskAction.values()) {
                assertThrows(IllegalTaskTransition.class, () -> TaskWorkflow.next(state, action));
            }
        }
    }

    @Test
    void theAllowedActionsCannotBeChangedFromOutside() {
        assertThrows(UnsupportedOperationException.class, () -> TaskWorkflow.allowed(OPEN).add(SUBMIT));
        assertFalse(TaskWorkflow.allowed(OPEN).contains(SUBMIT));
    }
}
