package newsdesk.machine;

import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sentence with a link, an emphasis and a line break goes to the engine as markup and comes back onto its codes. */
class MarkupCodesTest {

    private static final Map<Integer, Segment.Code> CODES = Map.of(
            1, new Segment.Code("a", "<a href=\"https://example.org/odesa\">", true),
            2, new Segment.Code("em", "<em>", true),
            3, new Segment.Code("br", "<br>", false));

    private static final Segment SENTENCE = new Segment("body-1", "body", List.of(
            new Part.Text("Завтра в "),
            new Part.Paired(1, List.of(new Part.Text("Одессе"))),
            new Part.Text("  ожидается "),
            new Part.Paired(2, List.of(new Part.Text("солнечная & <тёплая>"))),
            new Part.Text(" погода."),
            new Part.Standalone(3)), CODES);

    @Test
    void theEngineSeesOnlyNeutralTagsWithIdsAndEscapedText() {
        assertEquals("Завтра в <span id=\"c1\">Одессе</span> ожидается <span id=\"c2\">солнечная &amp; &lt;тёплая&gt;"
                + "</span> погода.<br id=\"c3\"/>", MarkupCodes.markup(SENTENCE));
        assertTrue(!MarkupCodes.markup(SENTENCE).contains("example.org"), "the link's address stays on the server");
    }

    @Test
    void anAnswerWithEveryCodeMapsBackOntoTheSourceCodes() {
        Optional<List<Part>> mapped = MarkupCodes.parse("Завтра у <span id=\"c1\">Одесі</span> очікується "
                + "<span id='c2'>сонячна &amp; &lt;тепла&gt;</span> погода.<br id=c3>", CODES);
        assertEquals(Optional.of(List.of(new Part.Text("Завтра у "), new Part.Paired(1, List.of(new Part.Text("Одесі"))),
                new Part.Text(" очікується "), new Part.Paired(2, List.of(new Part.Text("сонячна & <тепла>"))),
                new Part.Text(" погода."), new Part.Standalone(3))), mapped);
    }

    @Test
    void theEngineMayMoveCodesAndNestThem() {
        assertEquals(Optional.of(List.of(new Part.Standalone(3), new Part.Paired(2, List.of(new Part.Text("a "),
                        new Part.Paired(1, List.of(new Part.Text("b"))))), new Part.Text(" &#x41; c"))),
                MarkupCodes.parse("<br id=\"c3\" /><span id=\"c2\">a <span id=\"c1\">b</span></span> &amp;#x41; c",
                        CODES));
        assertEquals(Optional.of(List.of(new Part.Text("A\u00A0é"), new Part.Paired(1, List.of()),
                new Part.Paired(2, List.of()), new Part.Standalone(3))), MarkupCodes.parse(
                "&#65;&nbsp;&#xE9;<span id=\"c1\"></span><span id=\"c2\"></span><br id=\"c3\"/>", CODES));
    }

    @Test
    void anAnswerThatLosesOrManglesACodeMapsToNothing() {
        for (String mangled : List.of(
                "Завтра у Одесі очікується сонячна погода.",                                   // every code lost
                "<span id=\"c1\">Одесі</span> <span id=\"c2\">сонячна</span> погода.",         // the line break lost
                "<span id=\"c1\">a</span><span id=\"c1\">b</span><span id=\"c2\">c</span><br id=\"c3\"/>", // repeated
                "<span id=\"c1\">a</span><span id=\"c2\">b</span><br id=\"c3\"/><br id=\"c4\"/>", // invented
                "<span id=\"c1\">a<span id=\"c2\">b</span><br id=\"c3\"/>",                   // never closed
                "<span id=\"c1\">a</span></span><span id=\"c2\">b</span><br id=\"c3\"/>",     // closed twice
                "<br id=\"c1\"/><span id=\"c2\">b</span><br id=\"c3\"/>",                      // wrapping became standalone
                "<span id=\"c1\">a</span><span id=\"c2\">b</span><span id=\"c3\">c</span>",  // standalone became wrapping
                "<span id=\"c1\">a</span><span id=\"c2\">b</span><br id=\"c3\"/><b>x</b>",     // a tag of its own
                "<span>a</span><span id=\"c2\">b</span><br id=\"c3\"/>",                       // the id lost
                "<span id=\"c1\">a</span><span id=\"c2\">b</span><br id=\"c3\"",              // a broken tag
                "<span id=\"c1\">a</span> < <span id=\"c2\">b</span><br id=\"c3\"/>")) {      // a stray bracket
            assertEquals(Optional.empty(), MarkupCodes.parse(mangled, CODES), mangled);
        }
        assertEquals(Optional.empty(), MarkupCodes.parse(null, CODES));
    }

    @Test
    void theViewShowsTheAnswerWithoutMarkup() {
        assertEquals("Завтра у Одесі очікується сонячна & тепла погода.", MarkupCodes.plain(
                "Завтра у <span id=\"c1\">Одесі</span>  очікується <span id=\"c2\">сонячна &amp; тепла</span> погода.<br id=\"c3\"/>"));
    }
}
