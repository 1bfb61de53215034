package newsdesk.feed;

import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JDOM documents to UTF-8 bytes. */
final class Xml {

    private Xml() {
    }

    static byte[] bytes(Document document) {
        XMLOutputter outputter = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            outputter.output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
