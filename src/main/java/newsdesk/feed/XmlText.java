package newsdesk.feed;

import java.util.regex.Pattern;

/** Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates) never reach a feed. */
final class XmlText {

    private static final Pattern ILLEGAL = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private XmlText() {
    }

    static String clean(String text) {
        return text == null || !suspect(text) ? text : ILLEGAL.matcher(text).replaceAll("");
    }

    /**
     * Whether the text has a character the pattern may remove (any control but tab, LF, CR, U+FFFE, U+FFFF, any
     * surrogate): one pass over the chars, where most texts end, instead of the regular expression on every
     * story of every render.
     */
    private static boolean suspect(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && (c <= 0xDFFF || c >= 0xFFFE)) {
                return true;
            }
        }
        return false;
    }
}
