package newsdesk.memory;

import newsdesk.platform.Invalid;
import newsdesk.platform.Malformed;
import newsdesk.platform.NewsdeskException;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a TMX (1.1–1.4b) file with StAX: no DTD is loaded and no entity is expanded (a DOCTYPE naming
 * the TMX DTD, as OmegaT writes, is allowed; one with an internal subset is refused). Inline markup in a
 * segment ({@code bpt}, {@code ept}, {@code ph}, {@code it}: native codes) is left out of the text, the text of
 * {@code hi} kept; {@code bpt}/{@code ept}/{@code ph} are also kept as the variant's coded text ({@link CodedText}). Not XML or not TMX is a 400; a broken unit a 422 naming it.
 */
final class TmxReader {

    private static final int MAX_DEPTH = 32;
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final XMLInputFactory INPUT = XMLInputFactory.newDefaultFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
        INPUT.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }


    /** A translation unit: its source language (the file's unless it names its own), variants and dates. */
    record Unit(String sourceLanguage, List<Variant> variants, String creator, Instant created, Instant changed) {
    }

    /** A variant's plain text and, when its segment has inline codes the memory can keep, the coded text. */
    record Variant(String language, String text, CodedText coded) {
    }

    private XMLStreamReader xml;
    private String sourceLanguage;
    private final Consumer<Unit> each;
    private int units;

    private TmxReader(Consumer<Unit> each) {
        this.each = each;
    }

    /**
     * Reads the file as it streams in, handing each unit to {@code each} as soon as it is read (a large memory
     * is never held whole); returns how many units there were. A failure part way leaves the earlier units handed
     * over: the caller's transaction undoes them.
     */
    static int read(InputStream in, Consumer<Unit> each) {
        TmxReader reader = new TmxReader(each);
        try {
            reader.xml = INPUT.createXMLStreamReader(in);
            try {
                reader.document();
            } finally {
                reader.xml.close();
            }
        } catch (XMLStreamException e) {
            NewsdeskException cause = cause(e);
            if (cause != null) {
                throw cause; // the body's size limit, reached while parsing
            }
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
            throw new Malformed("The file is not well-formed XML" + (at == null ? "" : " (line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ")") + ": " + message.strip());
        }
        return reader.units;
    }

    /** A refusal from below the parser (the body's size limit), however the parser wrapped it. */
    private static NewsdeskException cause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NewsdeskException refusal) {
                return refusal;
            }
            if (cause instanceof XMLStreamException stream && stream.getNestedException() != null
                    && stream.getNestedException() != cause.getCause()) {
                NewsdeskException nested = cause(stream.getNestedException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private void document() throws XMLStreamException {
        int depth = 0;
        boolean root = true;
        boolean header = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                if (xml.getText() != null && xml.getText().contains("[")) {
                    throw new Malformed("The file's DOCTYPE declares an internal subset; a TMX upload may not");
                }
                continue;
            }
            refuseEntity(event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++depth > MAX_DEPTH) {
                throw new Malformed("The file nests elements deeper than " + MAX_DEPTH);
            }
            String name = xml.getLocalName();
            if (root) {
                if (!name.equals("tmx")) {
                    throw new Malformed("Not a TMX file: the root element is <" + name + ">, not <tmx>");
                }
                root = false;
            } else if (name.equals("header")) {
                sourceLanguage = xml.getAttributeValue(null, "srclang");
                if (sourceLanguage == null || sourceLanguage.isBlank()) {
                    throw Invalid.field("header", "the <header> has no srclang");
                }
                header = true;
            } else if (name.equals("tu")) {
                if (!header) {
                    throw Invalid.field("header", "the file has no <header> before its first <tu>");
                }
                Unit unit = unit();
                units++;
                each.accept(unit);
                depth--;
            }
        }
        if (root) {
            throw new Malformed("The file is empty");
        }
    }

    /** Reads one {@code <tu>} up to its end tag. */
    private Unit unit() throws XMLStreamException {
        String name = "tu " + (units + 1) + (xml.getAttributeValue(null, "tuid") == null ? ""
                : " (tuid " + xml.getAttributeValue(null, "tuid") + ")");
        String unitSource = xml.getAttributeValue(null, "srclang");
        String creator = xml.getAttributeValue(null, "creationid");
        Instant created = date(name, xml.getAttributeValue(null, "creationdate"));
        Instant changed = date(name, xml.getAttributeValue(null, "changedate"));
        List<Variant> variants = new ArrayList<>();
        String language = null;
        StringBuilder text = null;
        CodedText.Builder coded = null;
        String code = null;
        String codeNumber = null;
        StringBuilder codeText = null;
        int skip = 0;
        boolean inSeg = false;
        while (true) {
            int event = xml.next();
            refuseEntity(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (element.equals("tuv")) {
                    language = xml.getAttributeValue(XML_NS, "lang");
                    if (language == null) {
                        language = xml.getAttributeValue(null, "lang"); // TMX 1.1
                    }
                    if (language == null || language.isBlank()) {
                        throw Invalid.field(name, "a <tuv> has no xml:lang");
                    }
                    text = null;
                } else if (element.equals("seg")) {
                    if (language == null) {
                        throw Invalid.field(name, "a <seg> outside a <tuv>");
                    }
                    inSeg = true;
                    text = new StringBuilder();
                    coded = new CodedText.Builder();
                } else if (inSeg && skip == 0 && !element.equals("hi")) {
                    skip = 1; // bpt, ept, ph, it, ut, sub: native codes, not text
                    code = element;
                    codeNumber = xml.getAttributeValue(null, element.equals("ph") ? "x" : "i");
                    codeText = new StringBuilder();
                } else if (skip > 0) {
                    skip++;
                }
                if (skip > MAX_DEPTH) {
                    throw new Malformed(name + ": nested deeper than " + MAX_DEPTH);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (inSeg && skip == 0) {
                    text.append(xml.getText());
                    coded.text(xml.getText());
                } else if (skip == 1) {
                    codeText.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String element = xml.getLocalName();
                if (skip > 0) {
                    if (--skip == 0) {
                        coded.code(code, codeNumber, codeText.toString());
                    }
                } else if (element.equals("seg")) {
                    inSeg = false;
                } else if (element.equals("tuv")) {
                    if (text == null) {
                        throw Invalid.field(name, "the " + language + " <tuv> has no <seg>");
                    }
                    variants.add(new Variant(language, text.toString(), coded.build()));
                    language = null;
                } else if (element.equals("tu")) {
                    break;
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new Malformed(name + " is not closed");
            }
        }
        String source = unitSource != null && !unitSource.equals("*all*") ? unitSource : sourceLanguage;
        if (source.equals("*all*")) {
            throw Invalid.field(name, "neither the header nor the unit names one source language (srclang=\"*all*\")");
        }
        if (variants.stream().noneMatch(v -> v.language().equalsIgnoreCase(source))) {
            throw Invalid.field(name, "the unit has no variant in its source language " + source);
        }
        return new Unit(source, List.copyOf(variants), creator, created, changed);
    }

    private static Instant date(String unit, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, TMX_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Invalid.field(unit, "the date " + value + " is not YYYYMMDDThhmmssZ");
        }
    }

    private void refuseEntity(int event) {
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new Malformed("The file refers to the entity &" + xml.getLocalName() + "; which TMX does not define");
        }
    }
}
