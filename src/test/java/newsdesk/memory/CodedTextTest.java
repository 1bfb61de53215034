package newsdesk.memory;

import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A remembered sentence with a link and an emphasis seeds the same sentence elsewhere, codes in place. */
class CodedTextTest {

    private static Segment source(String href, int linkId, int emphasisId) {
        return new Segment("body-1", "body", List.of(new Part.Text("Про відключення повідомив "),
                new Part.Paired(linkId, List.of(new Part.Text("обленерго"))), new Part.Text(" о "),
                new Part.Paired(emphasisId, List.of(new Part.Text("восьмій"))), new Part.Text(" ранку.")),
                Map.of(linkId, new Segment.Code("a", "<a href=\"" + href + "\">", true),
                        emphasisId, new Segment.Code("em", "<em>", true)));
    }

    /** The translation as approved: the emphasis before the link (English word order), its own link address. */
    private static final Segment TRANSLATION = new Segment("body-1", "body", List.of(new Part.Text("At "),
            new Part.Paired(1, List.of(new Part.Text("eight"))), new Part.Text(" in the morning, the "),
            new Part.Paired(2, List.of(new Part.Text("regional power company"))), new Part.Text(" reported it.")),
            Map.of(1, new Segment.Code("em", "<em>", true), 2, new Segment.Code("a", "<a href=\"https://example.org/en\">", true)));

    @Test
    void theTranslationsCodesAreMatchedToTheSourcesByTagAndKept() {
        CodedText remembered = CodedText.of(source("https://example.org/uk", 1, 2));
        CodedText target = CodedText.aligned(remembered, CodedText.of(TRANSLATION)).orElseThrow();
        assertEquals("At <bpt i=\"2\">&lt;em&gt;</bpt>eight<ept i=\"2\">&lt;/em&gt;</ept> in the morning, the "
                + "<bpt i=\"1\">&lt;a href=\"https://example.org/en\"&gt;</bpt>regional power company"
                + "<ept i=\"1\">&lt;/a&gt;</ept> reported it.", target.toXml());
        assertEquals(target, CodedText.parse(target.toXml()));
        assertEquals(remembered, CodedText.parse(remembered.toXml()));
        assertEquals("Про відключення повідомив обленерго о восьмій ранку.", remembered.plain());
    }

    @Test
    void theSameSentenceWithOtherIdsAndAnotherAddressIsSeededWithItsOwnCodes() {
        CodedText remembered = CodedText.of(source("https://example.org/uk", 1, 2));
        CodedText target = CodedText.aligned(remembered, CodedText.of(TRANSLATION)).orElseThrow();
        Segment fresh = source("https://example.org/elsewhere", 4, 5);
        assertEquals(Optional.of(List.of(new Part.Text("At "), new Part.Paired(5, List.of(new Part.Text("eight"))),
                new Part.Text(" in the morning, the "), new Part.Paired(4, List.of(new Part.Text("regional power company"))),
                new Part.Text(" reported it."))), CodedText.seed(remembered, target, fresh));
    }

    @Test
    void anotherCodeStructureOrTextSeedsNothing() {
        CodedText remembered = CodedText.of(source("https://example.org/uk", 1, 2));
        CodedText target = CodedText.aligned(remembered, CodedText.of(TRANSLATION)).orElseThrow();
        Segment linkElsewhere = new Segment("body-1", "body", List.of(new Part.Text("Про відключення повідомив обленерго о "),
                new Part.Paired(1, List.of(new Part.Text("восьмій"))), new Part.Text(" "),
                new Part.Paired(2, List.of(new Part.Text("ранку"))), new Part.Text(".")),
                Map.of(1, new Segment.Code("a", "<a href=\"x\">", true), 2, new Segment.Code("em", "<em>", true)));
        assertEquals(Optional.empty(), CodedText.seed(remembered, target, linkElsewhere));
        Segment strongInstead = new Segment("body-1", "body", source("x", 1, 2).content(),
                Map.of(1, new Segment.Code("a", "<a href=\"x\">", true), 2, new Segment.Code("strong", "<strong>", true)));
        assertEquals(Optional.empty(), CodedText.seed(remembered, target, strongInstead));
    }

    @Test
    void aTranslationThatLostOrAddedACodeIsRememberedWithoutCodes() {
        CodedText remembered = CodedText.of(source("https://example.org/uk", 1, 2));
        Segment lostEmphasis = new Segment("body-1", "body", List.of(new Part.Text("The "),
                new Part.Paired(1, List.of(new Part.Text("company"))), new Part.Text(" reported it at eight.")),
                Map.of(1, new Segment.Code("a", "<a href=\"y\">", true)));
        assertTrue(CodedText.aligned(remembered, CodedText.of(lostEmphasis)).isEmpty());
    }

    @Test
    void tmxCodesFromOtherToolsAreRenumberedAndOnlyBalancedOnesKept() {
        CodedText.Builder read = new CodedText.Builder();
        read.text("Мер ");
        read.code("bpt", "7", "<a href=\"z\">");
        read.text("Миколаєва");
        read.code("ept", "7", "</a>");
        read.code("ph", null, "<br>");
        read.text("дякує.");
        assertEquals("Мер <bpt i=\"1\">&lt;a href=\"z\"&gt;</bpt>Миколаєва<ept i=\"1\">&lt;/a&gt;</ept>"
                + "<ph x=\"2\">&lt;br&gt;</ph>дякує.", read.build().toXml());
        CodedText.Builder crossing = new CodedText.Builder();
        crossing.code("bpt", "1", "<a>");
        crossing.code("bpt", "2", "<em>");
        crossing.code("ept", "1", "</a>");
        crossing.code("ept", "2", "</em>");
        assertEquals(null, crossing.build());
    }
}
