package newsdesk.workflow;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random action sequences against a story with a source and two translations; the invariants must hold. */
class EditionWorkflowPropertiesTest {

    private static final Instant START = Instant.parse("2026-11-29T08:00:00Z");

    @Property(tries = 500)
    void invariantsHoldForAnySequenceOfActions(@ForAll("steps") List<Step> steps) {
        List<Publication> editions = new ArrayList<>(List.of(Publication.start(EditionKind.SOURCE),
                Publication.start(EditionKind.TRANSLATION), Publication.start(EditionKind.TRANSLATION)));
        List<EnumSet<EditionAction>> history = List.of(EnumSet.noneOf(EditionAction.class),
                EnumSet.noneOf(EditionAction.class), EnumSet.noneOf(EditionAction.class));
        String[] firstAtomId = new String[3];
        AtomicInteger minted = new AtomicInteger();
        Instant now = START;

        for (Step step : steps) {
            now = now.plusSeconds(60);
            Publication before = editions.get(step.edition());
            if (EditionWorkflow.find(before.kind(), before.state(), step.action()).isEmpty()) {
                try {
                    before.apply(step.action(), now, now.plusSeconds(3600), () -> "never");
                    throw new AssertionError("an action outside the table was accepted");
                } catch (IllegalTransition expected) {
                    assertEquals(before.state(), expected.current());
                    assertTrue(expected.allowed().equals(EditionWorkflow.allowed(before.kind(), before.state())));
                }
                continue;
            }
            Publication after = before.apply(step.action(), now, now.plusSeconds(3600),
                    () -> "tag:newsdesk," + minted.incrementAndGet());
            editions.set(step.edition(), after);
            history.get(step.edition()).add(step.action());

            // A translation is only ever published after it was approved.
            if (after.kind() == EditionKind.TRANSLATION && after.isPublished()) {
                assertTrue(history.get(step.edition()).contains(EditionAction.APPROVE));
            }
            // The Atom id appears at the first publication and never changes.
            if (after.isPublished()) {
                assertNotNull(after.atomId());
                assertNotNull(after.firstPublishedAt());
            }
            if (firstAtomId[step.edition()] == null) {
                firstAtomId[step.edition()] = after.atomId();
            } else {
                assertEquals(firstAtomId[step.edition()], after.atomId());
            }
            // Only published-ness sets the first publication time, and it never moves.
            if (before.firstPublishedAt() != null) {
                assertEquals(before.firstPublishedAt(), after.firstPublishedAt());
            }
        }

        checkArticleState(editions);
    }

    private static void checkArticleState(List<Publication> editions) {
        EditionState source = editions.get(0).state();
        List<EditionState> translations = editions.subList(1, editions.size()).stream().map(Publication::state).toList();
        ArticleState state = ArticleState.of(source, translations);
        boolean everyLiveEditionPublished = source == EditionState.PUBLISHED
                && translations.stream().allMatch(t -> t == EditionState.PUBLISHED || t == EditionState.WITHDRAWN);
        assertEquals(source == EditionState.WITHDRAWN, state == ArticleState.WITHDRAWN);
        if (source != EditionState.WITHDRAWN) {
            assertEquals(translations.contains(EditionState.TRANSLATION), state == ArticleState.TRANSLATION);
            assertEquals(!translations.contains(EditionState.TRANSLATION) && translations.contains(EditionState.REVIEW),
                    state == ArticleState.REVIEW);
            if (!translations.contains(EditionState.TRANSLATION) && !translations.contains(EditionState.REVIEW)) {
                assertEquals(everyLiveEditionPublished, state == ArticleState.PUBLISHED);
            }
        }
    }

    record Step(int edition, EditionAction action) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.of(EditionAction.class)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }
}
