package newsdesk.launcher.grizzly;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Why a request path (as sent, before percent-decoding) cannot be served, if it cannot. */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Empty when the path starts with '/' (or is the '*' of OPTIONS) and decodes to UTF-8 text without NUL
     * or backslash, as the web container requires.
     */
    static Optional<String> problem(String rawPath) {
        if (!rawPath.startsWith("/") && !rawPath.equals("*")) {
            return Optional.of("The request line must name a path starting with '/'");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return Optional.of("The path has a '%' that is not followed by two hexadecimal digits");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("The path is not UTF-8 once its percent-escapes are decoded");
        }
        if (decoded.indexOf('\0') >= 0) {
            return Optional.of("The path contains a NUL character");
        }
        if (decoded.indexOf('\\') >= 0) {
            return Optional.of("The path contains a backslash");
        }
        return Optional.empty();
    }
}
