package newsdesk.feed;

/** The documents Newsdesk serves to readers, with their media types. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8"),
    JSON("feed.json", "application/feed+json; charset=utf-8"),
    SITEMAP("sitemap.xml", "application/xml; charset=utf-8");

    private final String fileName;
    private final String mediaType;

    FeedFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }
}
