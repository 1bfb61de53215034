package newsdesk.machine;

import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A segment with inline codes as markup an engine passes through ({@code apertium -f html}, LibreTranslate's
 * {@code format: "html"}): a wrapping code is {@code <span id="cN">…</span>}, a standalone one
 * {@code <br id="cN"/>}, text escaped. The answer is mapped back to the source's codes by id; an answer that
 * loses, repeats, invents or unnests a code, or turns one kind into the other, maps to nothing, so a seed
 * never drops a code. The real markup (the link's address) never leaves the server.
 */
final class MarkupCodes {

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*?)(/?)>");
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*[\"']?c(\\d{1,9})[\"']?(?=[\\s/>]|$)");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private MarkupCodes() {
    }

    /** What the engine is given for a segment with codes: its content as markup, whitespace runs collapsed. */
    static String markup(Segment segment) {
        StringBuilder out = new StringBuilder();
        append(out, segment.content());
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void append(StringBuilder out, List<Part> content) {
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                out.append(escape(text.text()));
            } else if (part instanceof Part.Paired paired) {
                out.append("<span id=\"c").append(paired.id()).append("\">");
                append(out, paired.content());
                out.append("</span>");
            } else if (part instanceof Part.Standalone standalone) {
                out.append("<br id=\"c").append(standalone.id()).append("\"/>");
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The engine's answer as segment content with the source's codes, or empty when a code is lost, repeated,
     * unknown, of the wrong kind or badly nested, or when the answer holds markup that is not one of ours.
     */
    static Optional<List<Part>> parse(String answer, Map<Integer, Segment.Code> codes) {
        if (answer == null) {
            return Optional.empty();
        }
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(-1, new ArrayList<>()));
        Set<Integer> seen = new HashSet<>();
        Matcher tag = TAG.matcher(answer);
        int at = 0;
        while (tag.find()) {
            if (!text(answer.substring(at, tag.start()), open.peek().content)) {
                return Optional.empty();
            }
            at = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            if (closing) {
                if (!name.equals("span") || !tag.group(3).isBlank() || open.size() == 1) {
                    return Optional.empty();
                }
                Open done = open.pop();
                open.peek().content.add(new Part.Paired(done.id, List.copyOf(done.content)));
                continue;
            }
            Matcher id = ID.matcher(tag.group(3));
            if (!id.find()) {
                return Optional.empty();
            }
            int code = Integer.parseInt(id.group(1));
            Segment.Code source = codes.get(code);
            boolean paired = name.equals("span") && tag.group(4).isEmpty();
            boolean standalone = name.equals("br");
            if (source == null || !seen.add(code) || !(paired || standalone) || source.paired() != paired) {
                return Optional.empty();
            }
            if (paired) {
                open.push(new Open(code, new ArrayList<>()));
            } else {
                open.peek().content.add(new Part.Standalone(code));
            }
        }
        if (!text(answer.substring(at), open.peek().content) || open.size() != 1 || !seen.equals(codes.keySet())) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(open.pop().content));
    }

    /** Adds unescaped text; false when it still holds a bracket (a tag the engine broke). */
    private static boolean text(String raw, List<Part> into) {
        if (raw.indexOf('<') >= 0 || raw.indexOf('>') >= 0) {
            return false;
        }
        if (!raw.isEmpty()) {
            into.add(new Part.Text(unescape(raw)));
        }
        return true;
    }

    private static String unescape(String raw) {
        Matcher entity = ENTITY.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String value = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                default -> {
                    int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "\uFFFD";
                }
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** The answer's text without the markup, for the task view (which shows plain suggestions). */
    static String plain(String answer) {
        return unescape(TAG.matcher(answer).replaceAll("")).replaceAll("\\s+", " ").strip();
    }

    private record Open(int id, List<Part> content) {
    }
}
