package newsdesk.article;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The allow-list every article body passes before it is stored: text structure, links (http, https,
 * mailto; rel="noopener") and https images. Everything else (scripts, frames, styles, event handlers,
 * javascript: and data: URLs) is dropped. Titles and summaries are plain text: kept literally, never
 * interpreted as HTML (feeds and pages escape them), with control characters removed.
 */
public final class HtmlSanitizer {

    private static final Pattern HTTPS = Pattern.compile("^https://\\S+$", Pattern.CASE_INSENSITIVE);
    // C0 controls other than tab, LF and CR, and DEL: never meaningful in news text, illegal in XML 1.0.
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private static final Pattern ASTRAL_REFERENCE = Pattern.compile("&#x(1[0-9a-fA-F]{4}|10[0-9a-fA-F]{4});");

    private static final PolicyFactory BODY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                    "blockquote", "q", "cite", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
                    "abbr", "code", "pre", "figure", "figcaption", "img", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener")
            .allowAttributes("title").onElements("a", "abbr")
            .allowAttributes("src").matching(HTTPS).onElements("img")
            .allowAttributes("alt", "width", "height").onElements("img")
            .toFactory();

    private HtmlSanitizer() {
    }

    public static String body(String html) {
        String clean = BODY.sanitize(CONTROLS.matcher(html).replaceAll("")).strip();
        // The sanitizer writes characters outside the BMP (emoji) as numeric references; store them as text.
        return ASTRAL_REFERENCE.matcher(clean).replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    }

    public static String plainText(String text) {
        return CONTROLS.matcher(text).replaceAll("").strip();
    }
}
