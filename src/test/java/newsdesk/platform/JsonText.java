package newsdesk.platform;

import java.util.List;
import java.util.Map;

/**
 * Writes test bodies as JSON text with every control character and surrogate escaped as
 * {@code \}{@code uXXXX}, so a lone surrogate reaches the server as the client wrote it (a JSON library
 * would turn it into '?' on the way out).
 */
final class JsonText {

    private JsonText() {
    }

    static String of(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    /** A value written verbatim, for members that are not valid JSON on purpose (1e400). */
    record Raw(String text) {
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Raw raw) {
            json.append(raw.text());
        } else if (value instanceof String text) {
            json.append('"');
            text.chars().forEach(c -> json.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c) || c > 0x7e
                    ? String.format("\\u%04x", c) : c == '"' || c == '\\' ? "\\" + (char) c : String.valueOf((char) c)));
            json.append('"');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.append(separator);
                write(String.valueOf(member.getKey()), json);
                json.append(':');
                write(member.getValue(), json);
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(list.get(i), json);
            }
            json.append(']');
        } else {
            json.append(value);
        }
    }
}
