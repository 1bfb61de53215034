package newsdesk.feed;

import java.util.regex.Pattern;

/** Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates) never reach a feed. */
final class XmlText {

    private static final Pattern ILLEGAL = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private XmlText() {
    }

    static String clean(String text) {
        return text == null ? null : ILLEGAL.matcher(text).replaceAll("");
    }
}
