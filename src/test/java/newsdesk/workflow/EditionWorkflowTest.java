package newsdesk.workflow;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditionWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aSourceGoesFromDraftStraightToPublished() {
        assertEquals(EditionState.PUBLISHED,
                EditionWorkflow.next(EditionKind.SOURCE, EditionState.DRAFT, EditionAction.PUBLISH));
    }

    @Test
    void aTranslationCannotBePublishedBeforeItIsApproved() {
        for (EditionState state : List.of(EditionState.TRANSLATION, EditionState.REVIEW)) {
            IllegalTransition illegal = assertThrows(IllegalTransition.class,
                    () -> EditionWorkflow.next(EditionKind.TRANSLATION, state, EditionAction.PUBLISH));
            assertEquals(state, illegal.current());
            assertTrue(!illegal.allowed().contains(EditionAction.PUBLISH));
        }
    }

    @Test
    void anIllegalActionNamesWhatIsAllowedInstead() {
        IllegalTransition illegal = assertThrows(IllegalTransition.class,
                () -> EditionWorkflow.next(EditionKind.SOURCE, EditionState.DRAFT, EditionAction.WITHDRAW));
        assertEquals(java.util.Set.of(EditionAction.EDIT, EditionAction.PUBLISH, EditionAction.SCHEDULE), illegal.allowed());
    }

    @Test
    void theAtomIdIsMintedOnceAndSurvivesCorrectionWithdrawalAndRepublication() {
        Publication published = Publication.start(EditionKind.SOURCE)
                .apply(EditionAction.PUBLISH, NOW, null, () -> "tag:first");
        Publication later = published
                .apply(EditionAction.CORRECT, NOW.plusSeconds(60), null, () -> "tag:second")
                .apply(EditionAction.WITHDRAW, NOW.plusSeconds(120), null, () -> "tag:third")
                .apply(EditionAction.PUBLISH, NOW.plusSeconds(180), null, () -> "tag:fourth");
        assertEquals("tag:first", later.atomId());
        assertEquals(NOW, later.firstPublishedAt());
        assertEquals(NOW.plusSeconds(180), later.updatedAt());
    }

    @Test
    void aScheduleNeedsAFutureTime() {
        Publication draft = Publication.start(EditionKind.SOURCE);
        assertThrows(IllegalArgumentException.class, () -> draft.apply(EditionAction.SCHEDULE, NOW, NOW, () -> "x"));
        Publication scheduled = draft.apply(EditionAction.SCHEDULE, NOW, NOW.plusSeconds(1), () -> "x");
        assertEquals(EditionState.SCHEDULED, scheduled.state());
        assertEquals(NOW.plusSeconds(1), scheduled.publishAt());
        assertEquals(null, scheduled.atomId());
    }

    @Test
    void theArticleStateFollowsItsEditions() {
        assertEquals(ArticleState.DRAFT, ArticleState.of(EditionState.DRAFT, List.of()));
        assertEquals(ArticleState.TRANSLATION, ArticleState.of(EditionState.PUBLISHED,
                List.of(EditionState.REVIEW, EditionState.TRANSLATION)));
        assertEquals(ArticleState.REVIEW, ArticleState.of(EditionState.PUBLISHED, List.of(EditionState.REVIEW)));
        assertEquals(ArticleState.READY, ArticleState.of(EditionState.PUBLISHED, List.of(EditionState.APPROVED)));
        assertEquals(ArticleState.PUBLISHED, ArticleState.of(EditionState.PUBLISHED,
                List.of(EditionState.PUBLISHED, EditionState.WITHDRAWN)));
        assertEquals(ArticleState.WITHDRAWN, ArticleState.of(EditionState.WITHDRAWN, List.of(EditionState.WITHDRAWN)));
    }
}
