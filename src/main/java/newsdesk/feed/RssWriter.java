package newsdesk.feed;

import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 through Rome's wire model (not SyndFeed, so no duplicated Dublin Core dc:date/dc:language),
 * plus the atom:link rel="self" (and hub) the RSS Advisory Board asks for, RFC 5005 paging links, and per item
 * an atom:link rel="alternate" hreflang for each sibling language version and a category per section and tag.
 * Rome formats RFC 822 dates in English whatever the JVM's default locale.
 */
final class RssWriter {

    private RssWriter() {
    }

    static byte[] write(FeedDocument document) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(XmlText.clean(document.title()));
        channel.setLink(document.siteUrl());
        channel.setDescription(XmlText.clean(document.description()));
        channel.setLanguage(document.language());
        channel.setLastBuildDate(Date.from(document.updated()));
        channel.setItems(document.entries().stream().map(RssWriter::item).toList());
        try {
            Document xml = new WireFeedOutput().outputJDom(channel);
            Element root = xml.getRootElement();
            Namespace atom = Namespace.getNamespace("atom", AtomWriter.ATOM.getURI());
            root.addNamespaceDeclaration(atom);
            Element channelElement = root.getChild("channel");
            channelElement.addContent(0, new Element("link", atom).setAttribute("href", document.selfUrl())
                    .setAttribute("rel", "self").setAttribute("type", "application/rss+xml"));
            int at = 1;
            if (document.hubUrl() != null) {
                channelElement.addContent(at++, new Element("link", atom).setAttribute("href", document.hubUrl())
                        .setAttribute("rel", "hub"));
            }
            FeedDocument.Paging paging = document.paging();
            if (paging != null && paging.first() != null) {
                channelElement.addContent(at++, new Element("link", atom).setAttribute("href", paging.first())
                        .setAttribute("rel", "first").setAttribute("type", "application/rss+xml"));
            }
            if (paging != null && paging.next() != null) {
                channelElement.addContent(at, new Element("link", atom).setAttribute("href", paging.next())
                        .setAttribute("rel", "next").setAttribute("type", "application/rss+xml"));
            }
            // Sibling language versions, as in Atom: one atom:link rel="alternate" hreflang per published sibling.
            List<Element> items = channelElement.getChildren("item");
            for (int i = 0; i < items.size(); i++) {
                for (FeedEntry.Alternate alternate : document.entries().get(i).alternates()) {
                    items.get(i).addContent(new Element("link", atom).setAttribute("rel", "alternate")
                            .setAttribute("type", "text/html").setAttribute("hreflang", alternate.language())
                            .setAttribute("href", alternate.permalink()));
                }
            }
            return Xml.bytes(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the RSS feed", e);
        }
    }

    private static Item item(FeedEntry entry) {
        Item item = new Item();
        item.setTitle(XmlText.clean(entry.title()));
        item.setLink(entry.permalink());
        Description description = new Description();
        description.setType("text/html");
        description.setValue(XmlText.clean(entry.contentHtml()));
        item.setDescription(description);
        item.setPubDate(Date.from(entry.published()));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(entry.id());
        item.setGuid(guid);
        item.setCategories(entry.categories().stream().map(name -> {
            Category category = new Category();
            category.setValue(XmlText.clean(name));
            return category;
        }).toList());
        return item;
    }
}
