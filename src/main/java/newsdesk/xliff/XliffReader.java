package newsdesk.xliff;

import newsdesk.platform.FieldError;
import newsdesk.platform.Invalid;
import newsdesk.platform.Malformed;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an uploaded XLIFF 1.2 or 2.x file with StAX, DTDs refused and no entity resolved (no XXE, no
 * entity expansion): the Newsdesk attributes of its file, and per unit its hash, source and target with
 * the inline codes Newsdesk writes. Not XML or not XLIFF is a 400; codes Newsdesk did not write, a unit
 * without an id and the like are a 422 naming the unit.
 */
final class XliffReader {

    private static final int MAX_DEPTH = 64;
    private static final XMLInputFactory INPUT = XMLInputFactory.newDefaultFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
        INPUT.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    private XMLStreamReader xml;
    private XliffVersion version;
    private String taskId;
    private String sourceRevision;
    private int files;
    private final List<XliffFile.Unit> units = new ArrayList<>();

    private XliffReader() {
    }

    static XliffFile read(byte[] bytes) {
        XliffReader reader = new XliffReader();
        try {
            reader.xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                reader.document();
            } finally {
                reader.xml.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
            throw new Malformed("The file is not well-formed XML" + (at == null ? "" : " (line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ")") + ": " + message.strip());
        }
        return new XliffFile(reader.version, reader.taskId, reader.sourceRevision, List.copyOf(reader.units));
    }

    private void document() throws XMLStreamException {
        int depth = 0;
        String unitId = null;
        String hash = null;
        List<Part> source = null;
        List<Part> target = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new Malformed("The file declares a DTD (<!DOCTYPE>); an XLIFF upload may not");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Malformed("The file refers to the entity &" + xml.getLocalName() + "; which XLIFF does not define");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (isUnit(xml.getLocalName()) && unitId != null) {
                    units.add(new XliffFile.Unit(unitId, hash, source == null ? List.of() : source, target));
                    unitId = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++depth > MAX_DEPTH) {
                throw new Malformed("The file nests elements deeper than " + MAX_DEPTH);
            }
            String name = xml.getLocalName();
            if (version == null) {
                version = root();
                continue;
            }
            if (!version.namespace.equals(xml.getNamespaceURI())) {
                skip();
                depth--;
                continue;
            }
            if (name.equals("file")) {
                if (++files > 1) {
                    throw Invalid.field("file", "the file holds more than one <file>; send one task per file");
                }
                taskId = xml.getAttributeValue(XliffVersion.NEWSDESK, "task");
                sourceRevision = xml.getAttributeValue(XliffVersion.NEWSDESK, "source-revision");
            } else if (isUnit(name)) {
                unitId = xml.getAttributeValue(null, "id");
                if (unitId == null) {
                    throw Invalid.field("unit", "a unit without an id at line " + xml.getLocation().getLineNumber());
                }
                hash = xml.getAttributeValue(XliffVersion.NEWSDESK, "hash");
                source = null;
                target = null;
            } else if (unitId != null && (name.equals("source") || name.equals("target"))) {
                List<Part> content = content(unitId, 0);
                depth--;
                if (name.equals("source")) {
                    source = source == null ? content : concat(source, content);
                } else {
                    target = target == null ? content : concat(target, content);
                }
            } else if (unitId != null && !name.equals("segment") && !name.equals("ignorable")) {
                skip(); // notes, alternatives, matches: not the unit's own text
                depth--;
            }
        }
        if (version == null) {
            throw new Malformed("The file is empty");
        }
    }

    private boolean isUnit(String name) {
        return name.equals(version == XliffVersion.V1_2 ? "trans-unit" : "unit");
    }

    private XliffVersion root() {
        String namespace = xml.getNamespaceURI();
        String number = xml.getAttributeValue(null, "version");
        if (xml.getLocalName().equals("xliff") && XliffVersion.V1_2.namespace.equals(namespace) && "1.2".equals(number)) {
            return XliffVersion.V1_2;
        }
        if (xml.getLocalName().equals("xliff") && XliffVersion.V2_1.namespace.equals(namespace)
                && ("2.0".equals(number) || "2.1".equals(number))) {
            return XliffVersion.V2_1;
        }
        throw new Malformed("The file is not XLIFF 1.2 or 2.1 (root <" + xml.getLocalName() + "> in "
                + (namespace == null || namespace.isEmpty() ? "no namespace" : namespace) + ", version " + number + ")");
    }

    /** The content of a source or target up to its end tag: text and the codes Newsdesk writes. */
    private List<Part> content(String unitId, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new Malformed("The file nests inline codes deeper than " + MAX_DEPTH);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Malformed("The file refers to the entity &"
                        + xml.getLocalName() + "; which XLIFF does not define");
                case XMLStreamConstants.END_ELEMENT -> {
                    flush(text, parts);
                    return List.copyOf(parts);
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    flush(text, parts);
                    inline(unitId, depth, parts);
                }
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    private void inline(String unitId, int depth, List<Part> parts) throws XMLStreamException {
        String name = xml.getLocalName();
        boolean ours = version.namespace.equals(xml.getNamespaceURI());
        boolean paired = ours && name.equals(version == XliffVersion.V1_2 ? "g" : "pc");
        boolean standalone = ours && name.equals(version == XliffVersion.V1_2 ? "x" : "ph");
        if (ours && name.equals("mrk")) {
            parts.addAll(content(unitId, depth + 1)); // an annotation (a CAT tool's marker): its text counts
            return;
        }
        if (!paired && !standalone) {
            throw new Invalid(List.of(new FieldError(unitId, "<" + name + "> is not a code Newsdesk wrote; keep the "
                    + (version == XliffVersion.V1_2 ? "<g> and <x/>" : "<pc> and <ph/>") + " codes of the source")));
        }
        int id = codeId(unitId, name);
        if (paired) {
            parts.add(new Part.Paired(id, content(unitId, depth + 1)));
        } else {
            skip();
            parts.add(new Part.Standalone(id));
        }
    }

    private int codeId(String unitId, String element) {
        String id = xml.getAttributeValue(null, "id");
        if (id == null || !id.matches("[1-9][0-9]{0,5}")) {
            throw new Invalid(List.of(new FieldError(unitId, "<" + element + "> with id " + id
                    + ", which is not one of the source's codes")));
        }
        return Integer.parseInt(id);
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Part.Text(text.toString()));
            text.setLength(0);
        }
    }

    /** Skips the current element with everything inside it. */
    private void skip() throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Malformed("The file refers to the entity &" + xml.getLocalName() + "; which XLIFF does not define");
            }
        }
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        List<Part> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
