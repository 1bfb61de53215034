package newsdesk.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sitemaps with StAX: the Google News sitemap and the sitemap of every language version, both with
 * xhtml:link hreflang alternates for every published language version.
 */
final class SitemapWriter {

    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private SitemapWriter() {
    }

    /** {@code alternates}: every published language version, this one included (Google's hreflang rules). */
    record NewsUrl(String loc, String language, Instant published, String title, List<Alternate> alternates) {
    }

    record Alternate(String language, String href) {
    }

    record PageUrl(String loc, List<Alternate> alternates) {
    }

    static byte[] news(String publication, List<NewsUrl> urls) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            xml.writeNamespace("xhtml", XHTML);
            for (NewsUrl url : urls) {
                xml.writeStartElement(SITEMAP, "url");
                element(xml, SITEMAP, "loc", url.loc());
                alternates(xml, url.alternates());
                xml.writeStartElement(NEWS, "news");
                xml.writeStartElement(NEWS, "publication");
                element(xml, NEWS, "name", publication);
                element(xml, NEWS, "language", url.language());
                xml.writeEndElement();
                element(xml, NEWS, "publication_date", DateTimeFormatter.ISO_INSTANT.format(url.published()));
                element(xml, NEWS, "title", XmlText.clean(url.title()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] pages(List<PageUrl> urls) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("xhtml", XHTML);
            for (PageUrl url : urls) {
                xml.writeStartElement(SITEMAP, "url");
                element(xml, SITEMAP, "loc", url.loc());
                alternates(xml, url.alternates());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private static void alternates(XMLStreamWriter xml, List<Alternate> alternates) throws XMLStreamException {
        for (Alternate alternate : alternates) {
            xml.writeEmptyElement(XHTML, "link");
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("hreflang", alternate.language());
            xml.writeAttribute("href", alternate.href());
        }
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a sitemap", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
