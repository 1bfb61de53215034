package newsdesk.site;

/** The same story published in another language. */
public record Sibling(String language, String slug, String url) {
}
