package newsdesk.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287) through Rome, then finished on the JDOM tree where Rome falls short: xml:lang on
 * the feed and each entry, RFC 6721 tombstones and the RFC 5005 archive marker. Categories are the section and
 * the story's tags.
 */
final class AtomWriter {

    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    private AtomWriter() {
    }

    static byte[] write(FeedDocument document) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(document.id());
        feed.setTitle(XmlText.clean(document.title()));
        feed.setUpdated(Date.from(document.updated()));
        Person publisher = new Person();
        publisher.setName(XmlText.clean(document.title()));
        feed.setAuthors(List.of(publisher));
        List<Link> links = new ArrayList<>();
        links.add(link("self", "application/atom+xml", document.selfUrl(), null));
        links.add(link("alternate", "text/html", document.siteUrl(), document.language()));
        if (document.hubUrl() != null) {
            links.add(link("hub", null, document.hubUrl(), null));
        }
        FeedDocument.Archive archive = document.archive();
        if (archive != null) {
            addIfPresent(links, "current", archive.current());
            addIfPresent(links, "prev-archive", archive.prevArchive());
            addIfPresent(links, "next-archive", archive.nextArchive());
        }
        FeedDocument.Paging paging = document.paging();
        if (paging != null) {
            addIfPresent(links, "first", paging.first());
            addIfPresent(links, "next", paging.next());
        }
        feed.setOtherLinks(links);
        feed.setEntries(document.entries().stream().map(AtomWriter::entry).toList());
        try {
            Document xml = new WireFeedOutput().outputJDom(feed);
            Element root = xml.getRootElement();
            root.setAttribute("lang", document.language(), Namespace.XML_NAMESPACE);
            for (Element entry : root.getChildren("entry", ATOM)) {
                String id = entry.getChildText("id", ATOM);
                document.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                        .ifPresent(e -> entry.setAttribute("lang", e.language(), Namespace.XML_NAMESPACE));
            }
            if (archive != null && archive.isArchive()) {
                root.addNamespaceDeclaration(HISTORY);
                root.addContent(0, new Element("archive", HISTORY));
            }
            if (!document.tombstones().isEmpty()) {
                // Extension elements go before the entries (RFC 4287's grammar).
                root.addNamespaceDeclaration(TOMBSTONES);
                Element firstEntry = root.getChild("entry", ATOM);
                int at = firstEntry == null ? root.getContentSize() : root.indexOf(firstEntry);
                for (Tombstone tombstone : document.tombstones()) {
                    root.addContent(at++, tombstone(tombstone));
                }
            }
            return Xml.bytes(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the Atom feed", e);
        }
    }

    private static Entry entry(FeedEntry item) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitle(XmlText.clean(item.title()));
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        Person author = new Person();
        author.setName(XmlText.clean(item.author()));
        entry.setAuthors(List.of(author));
        List<Link> alternates = new ArrayList<>();
        alternates.add(link("alternate", "text/html", item.permalink(), item.language()));
        item.alternates().forEach(a -> alternates.add(link("alternate", "text/html", a.permalink(), a.language())));
        entry.setAlternateLinks(alternates);
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(XmlText.clean(item.summary()));
        entry.setSummary(summary);
        Content content = new Content();
        content.setType("html");
        content.setValue(XmlText.clean(item.contentHtml()));
        entry.setContents(List.of(content));
        entry.setCategories(item.categories().stream().map(term -> {
            Category category = new Category();
            category.setTerm(XmlText.clean(term));
            return category;
        }).toList());
        return entry;
    }

    private static Element tombstone(Tombstone tombstone) {
        Element deleted = new Element("deleted-entry", TOMBSTONES)
                .setAttribute("ref", tombstone.id())
                .setAttribute("when", DateTimeFormatter.ISO_INSTANT.format(tombstone.when()));
        if (tombstone.permalink() != null) {
            deleted.addContent(new Element("link", ATOM).setAttribute("href", tombstone.permalink()));
        }
        if (tombstone.reason() != null) {
            deleted.addContent(new Element("comment", TOMBSTONES).setText(XmlText.clean(tombstone.reason())));
        }
        return deleted;
    }

    private static void addIfPresent(List<Link> links, String rel, String href) {
        if (href != null) {
            links.add(link(rel, "application/atom+xml", href, null));
        }
    }

    private static Link link(String rel, String type, String href, String hreflang) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        if (type != null) {
            link.setType(type);
        }
        if (hreflang != null) {
            link.setHreflang(hreflang);
        }
        return link;
    }
}
