package newsdesk.xliff;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a task's segments as XLIFF 1.2 or 2.1 with StAX: inline codes as {@code <g>}/{@code <x/>} (1.2) or
 * {@code <pc>}/{@code <ph/>} (2.1), every unit with a target (CAT tools skip units without one), its origin
 * and score, and the task id, source revision and source hashes as attributes in Newsdesk's namespace.
 */
final class XliffWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    /** Who the file is for: the task, its article, the pinned source revision and the language pair. */
    record Header(String taskId, String articleId, int sourceRevision, String sourceLanguage, String targetLanguage) {
    }

    private final XliffVersion version;
    private final XMLStreamWriter xml;

    private XliffWriter(XliffVersion version, XMLStreamWriter xml) {
        this.version = version;
        this.xml = xml;
    }

    static byte[] write(XliffVersion version, Header header, List<Segment> segments, Map<String, Seed> targets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            XliffWriter writer = new XliffWriter(version, xml);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            if (version == XliffVersion.V1_2) {
                writer.file12(header, segments, targets);
            } else {
                writer.file21(header, segments, targets);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XLIFF", e);
        }
        return bytes.toByteArray();
    }

    private void file12(Header header, List<Segment> segments, Map<String, Seed> targets) throws XMLStreamException {
        xml.setDefaultNamespace(version.namespace);
        xml.setPrefix("nd", XliffVersion.NEWSDESK);
        xml.writeStartElement(version.namespace, "xliff");
        xml.writeDefaultNamespace(version.namespace);
        xml.writeNamespace("nd", XliffVersion.NEWSDESK);
        xml.writeAttribute("version", "1.2");
        xml.writeStartElement(version.namespace, "file");
        xml.writeAttribute("original", "newsdesk:task:" + header.taskId());
        xml.writeAttribute("source-language", header.sourceLanguage());
        xml.writeAttribute("target-language", header.targetLanguage());
        xml.writeAttribute("datatype", "html");
        ids(header);
        xml.writeStartElement(version.namespace, "header");
        element("note", note(header));
        xml.writeEndElement();
        xml.writeStartElement(version.namespace, "body");
        for (Segment segment : segments) {
            Seed seed = targets.get(segment.id());
            xml.writeCharacters("\n");
            xml.writeStartElement(version.namespace, "trans-unit");
            xml.writeAttribute("id", segment.id());
            xml.writeAttribute("resname", segment.field());
            marks(segment, seed);
            xml.writeStartElement(version.namespace, "source");
            content(segment.content(), segment);
            xml.writeEndElement();
            xml.writeStartElement(version.namespace, "target");
            xml.writeAttribute("state", switch (seed.origin()) {
                case DRAFT -> "translated";
                case MEMORY, MACHINE -> "needs-review-translation";
                case SOURCE -> "needs-translation";
            });
            if (seed.origin() == Seed.Origin.MEMORY || seed.origin() == Seed.Origin.MACHINE) {
                xml.writeAttribute("state-qualifier", seed.origin() == Seed.Origin.MACHINE ? "mt-suggestion"
                        : Integer.valueOf(100).equals(seed.score()) ? "exact-match" : "fuzzy-match");
            }
            content(seed.content(), segment);
            xml.writeEndElement();
            element("note", origin(seed));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void file21(Header header, List<Segment> segments, Map<String, Seed> targets) throws XMLStreamException {
        xml.setDefaultNamespace(version.namespace);
        xml.setPrefix("nd", XliffVersion.NEWSDESK);
        xml.writeStartElement(version.namespace, "xliff");
        xml.writeDefaultNamespace(version.namespace);
        xml.writeNamespace("nd", XliffVersion.NEWSDESK);
        xml.writeAttribute("version", "2.1");
        xml.writeAttribute("srcLang", header.sourceLanguage());
        xml.writeAttribute("trgLang", header.targetLanguage());
        xml.writeStartElement(version.namespace, "file");
        xml.writeAttribute("id", "f1");
        xml.writeAttribute("original", "newsdesk:task:" + header.taskId());
        ids(header);
        xml.writeStartElement(version.namespace, "notes");
        element("note", note(header));
        xml.writeEndElement();
        for (Segment segment : segments) {
            Seed seed = targets.get(segment.id());
            xml.writeCharacters("\n");
            xml.writeStartElement(version.namespace, "unit");
            xml.writeAttribute("id", segment.id());
            xml.writeAttribute("name", segment.field());
            marks(segment, seed);
            xml.writeStartElement(version.namespace, "notes");
            element("note", origin(seed));
            xml.writeEndElement();
            xml.writeStartElement(version.namespace, "segment");
            xml.writeAttribute("state", seed.origin() == Seed.Origin.DRAFT ? "translated" : "initial");
            xml.writeStartElement(version.namespace, "source");
            content(segment.content(), segment);
            xml.writeEndElement();
            xml.writeStartElement(version.namespace, "target");
            content(seed.content(), segment);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void ids(Header header) throws XMLStreamException {
        xml.writeAttribute("nd", XliffVersion.NEWSDESK, "task", header.taskId());
        xml.writeAttribute("nd", XliffVersion.NEWSDESK, "article", header.articleId());
        xml.writeAttribute("nd", XliffVersion.NEWSDESK, "source-revision", String.valueOf(header.sourceRevision()));
    }

    private void marks(Segment segment, Seed seed) throws XMLStreamException {
        xml.writeAttribute("nd", XliffVersion.NEWSDESK, "hash", segment.hash());
        xml.writeAttribute("nd", XliffVersion.NEWSDESK, "origin", seed.origin().name().toLowerCase(java.util.Locale.ROOT));
        if (seed.score() != null) {
            xml.writeAttribute("nd", XliffVersion.NEWSDESK, "score", String.valueOf(seed.score()));
        }
    }

    private void content(List<Part> content, Segment segment) throws XMLStreamException {
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                xml.writeCharacters(text.text());
            } else if (part instanceof Part.Paired paired) {
                xml.writeStartElement(version.namespace, version == XliffVersion.V1_2 ? "g" : "pc");
                xml.writeAttribute("id", String.valueOf(paired.id()));
                ctype(segment.codes().get(paired.id()));
                content(paired.content(), segment);
                xml.writeEndElement();
            } else if (part instanceof Part.Standalone standalone) {
                xml.writeEmptyElement(version.namespace, version == XliffVersion.V1_2 ? "x" : "ph");
                xml.writeAttribute("id", String.valueOf(standalone.id()));
                ctype(segment.codes().get(standalone.id()));
            }
        }
    }

    /** 1.2's code types for what CAT tools show (bold, link, line break …); 2.1's codes carry only their ids. */
    private void ctype(Segment.Code code) throws XMLStreamException {
        if (version != XliffVersion.V1_2) {
            return;
        }
        xml.writeAttribute("ctype", switch (code.tag()) {
            case "a" -> "link";
            case "strong", "b" -> "bold";
            case "em", "i" -> "italic";
            case "u" -> "underlined";
            case "br" -> "lb";
            case "img" -> "image";
            default -> "x-html-" + code.tag();
        });
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(version.namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String note(Header header) {
        return "Newsdesk task " + header.taskId() + " (" + header.sourceLanguage() + " → " + header.targetLanguage()
                + "), from source revision " + header.sourceRevision() + ". Translate the targets and keep every"
                + " inline code; a target left equal to its source counts as untranslated.";
    }

    private static String origin(Seed seed) {
        return switch (seed.origin()) {
            case DRAFT -> "Target from the draft.";
            case MEMORY -> "Target from translation memory, match " + seed.score() + " %.";
            case MACHINE -> "Target from machine translation" + (seed.score() == null ? "." : ", score " + seed.score() + ".");
            case SOURCE -> "Not translated yet: the target is a copy of the source.";
        };
    }
}
