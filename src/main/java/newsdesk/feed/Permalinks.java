package newsdesk.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Absolute URLs for readers: permalinks from the configured template, and article HTML with every
 * relative link and image made absolute (feed readers resolve relative ones wrongly).
 */
public final class Permalinks {

    private final String base;
    private final String template;

    public Permalinks(String base, String template) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.template = template;
    }

    String base() {
        return base;
    }

    /** {base}/{lang}/{yyyy}/{mm}/{dd}/{slug} filled in; the date is the first publication's, in UTC. */
    public String of(String language, String slug, Instant firstPublished) {
        ZonedDateTime date = firstPublished.atZone(ZoneOffset.UTC);
        return template.replace("{base}", base).replace("{lang}", language).replace("{slug}", slug)
                .replace("{yyyy}", String.format("%04d", date.getYear()))
                .replace("{mm}", String.format("%02d", date.getMonthValue()))
                .replace("{dd}", String.format("%02d", date.getDayOfMonth()));
    }

    /** The sanitized body with href and src resolved against the entry's own permalink. */
    static String absolute(String html, String permalink) {
        Document document = Jsoup.parseBodyFragment(html, permalink);
        for (Element element : document.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
