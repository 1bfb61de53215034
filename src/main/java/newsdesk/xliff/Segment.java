package newsdesk.xliff;

import newsdesk.platform.Hashes;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One translatable sentence of a task's source: its id in the file, the field it comes from, its content
 * with inline codes, and what each code stands for (its HTML tag; the markup stays on the server).
 */
public record Segment(String id, String field, List<Part> content, Map<Integer, Code> codes) {

    /** An inline code's source markup: the tag name and the opening tag as written (with its attributes). */
    public record Code(String tag, String markup, boolean paired) {
    }

    /** SHA-256 of the parsed content (text with collapsed whitespace, code positions and ids), never of bytes. */
    public String hash() {
        return hash(content);
    }

    public static String hash(List<Part> content) {
        return HexFormat.of().formatHex(Hashes.sha256(canonical(content)));
    }

    /** Text and codes in a comparable form: equal for two contents that differ only in whitespace runs. */
    static String canonical(List<Part> content) {
        StringBuilder out = new StringBuilder();
        append(out, content);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void append(StringBuilder out, List<Part> content) {
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                out.append(text.text());
            } else if (part instanceof Part.Paired paired) {
                out.append('\uE001').append(paired.id()).append('\uE002');
                append(out, paired.content());
                out.append('\uE003').append(paired.id()).append('\uE002');
            } else if (part instanceof Part.Standalone standalone) {
                out.append('\uE004').append(standalone.id()).append('\uE002');
            }
        }
    }

    /** The plain text, codes left out (for notes and messages). */
    public static String plain(List<Part> content) {
        StringBuilder out = new StringBuilder();
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                out.append(text.text());
            } else if (part instanceof Part.Paired paired) {
                out.append(plain(paired.content()));
            }
        }
        return out.toString();
    }
}
