package newsdesk.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one rule for text a client sends, in bodies, parameters and headers alike: no C0 control
 * characters except tab, line feed and carriage return, no DEL, no lone surrogates and none of the
 * non-characters U+FFFE/U+FFFF. PostgreSQL refuses NUL, XML feeds cannot carry the others, and a lone
 * surrogate would be stored as '?': refusing them here is what keeps them from becoming a 500 or a
 * silently changed text.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text breaks the rule ("holds U+0000 at 3"), or empty when it keeps it. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(describe("a lone surrogate", c, i));
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return Optional.of(describe("the control character", c, i));
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of(describe("the non-character", c, i));
            }
        }
        return Optional.empty();
    }

    /** Refuses text that breaks the rule with a 422 naming the field or parameter it came in. */
    public static void check(String field, String text) {
        problem(text).ifPresent(message -> {
            throw Invalid.field(field, message);
        });
    }

    /** UTF-8 bytes as text, refusing malformed sequences instead of replacing them with U+FFFD. */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(text.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String describe(String what, char c, int index) {
        return String.format("must not hold %s U+%04X (at position %d)", what, (int) c, index);
    }
}
