package newsdesk.memory;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a memory as TMX 1.4b, unit by unit: one {@code <tu>} per pair with the approver as
 * {@code creationid}, the approval time as {@code creationdate} and the article as a {@code prop}.
 */
final class TmxWriter {

    static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String ARTICLE = "x-newsdesk-article";

    private final XMLStreamWriter xml;

    TmxWriter(OutputStream out, String sourceLanguage) {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("tmx");
            xml.writeAttribute("version", "1.4");
            xml.writeCharacters("\n  ");
            xml.writeEmptyElement("header");
            xml.writeAttribute("creationtool", "Newsdesk");
            xml.writeAttribute("creationtoolversion", "1");
            xml.writeAttribute("segtype", "sentence");
            xml.writeAttribute("o-tmf", "Newsdesk");
            xml.writeAttribute("adminlang", "en");
            xml.writeAttribute("srclang", sourceLanguage);
            xml.writeAttribute("datatype", "plaintext");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** One unit; a pair with codes is written with them ({@code bpt}/{@code ept}/{@code ph}), else as plain text. */
    void unit(MemoryEntry entry, CodedText sourceCoded, CodedText targetCoded) {
        try {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("tu");
            xml.writeAttribute("tuid", entry.id().toString());
            xml.writeAttribute("creationdate", TMX_DATE.format(entry.approvedAt()));
            if (entry.approver() != null) {
                xml.writeAttribute("creationid", entry.approver());
            }
            if (entry.articleId() != null) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("prop");
                xml.writeAttribute("type", ARTICLE);
                xml.writeCharacters(entry.articleId().toString());
                xml.writeEndElement();
            }
            variant(entry.sourceLanguage(), entry.source(), sourceCoded);
            variant(entry.targetLanguage(), entry.target(), targetCoded);
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void variant(String language, String text, CodedText coded) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("tuv");
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
        xml.writeStartElement("seg");
        if (coded == null) {
            xml.writeCharacters(text);
        } else {
            coded.write(xml);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    void close() {
        try {
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new IOException("writing TMX failed", e));
    }
}
