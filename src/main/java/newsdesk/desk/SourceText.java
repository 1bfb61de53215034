package newsdesk.desk;

import org.jsoup.Jsoup;

/** The source text a task translates: the pinned revision. */
public record SourceText(String language, int revision, String title, String summary, String body) {

    /**
     * How many top-level blocks (paragraphs, headings, lists…) a body has: what a reviewer's comment can be
     * anchored to, counted as the desk counts the paragraphs it shows (elements, not loose text).
     */
    static int blocks(String body) {
        return body == null ? 0 : Jsoup.parseBodyFragment(body).body().children().size();
    }
}
