package newsdesk.article;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionDiffTest {

    private static Revision revision(String title, String body) {
        return new Revision(1, title, "summary", body, null, null, Instant.EPOCH);
    }

    @Test
    void aChangedWordIsOneHunk() {
        List<RevisionDiff.FieldDiff> diff = RevisionDiff.between(
                revision("Мер відкрив міст", "<p>Міст відкрили вчора.</p>"),
                revision("Мер відкрив новий міст", "<p>Міст відкрили сьогодні.</p>"));
        RevisionDiff.Hunk title = diff.get(0).hunks().get(0);
        assertEquals("INSERT", title.type());
        assertEquals("новий ", title.to());
        RevisionDiff.Hunk body = diff.get(2).hunks().get(0);
        assertEquals("CHANGE", body.type());
        assertEquals("вчора.", body.from());
        assertEquals("сьогодні.", body.to());
        assertTrue(diff.get(1).hunks().isEmpty());
    }

    @Test
    void tagsAreTokensOfTheirOwn() {
        assertEquals(List.of("<p>", "a", " ", "b", "</p>"), RevisionDiff.tokens("<p>a b</p>"));
        RevisionDiff.Hunk hunk = RevisionDiff.hunks("<p>a</p>", "<p><em>a</em></p>").get(0);
        assertEquals("INSERT", hunk.type());
    }
}
