package newsdesk.memory;

import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory sentence with its inline codes, as TMX 1.4b writes them: text, {@code <bpt i>…<ept i>} around
 * wrapped text and {@code <ph x>} for a standalone code, each holding the native markup ({@code <a href=…>}).
 * Codes are numbered 1, 2, … in the source sentence's order; the target's codes carry the number of the
 * source code they stand for. Stored beside the plain text (which the lookup compares) as the inner XML of
 * a TMX {@code <seg>}; a sentence only seeds a new one whose text and code structure (tag names, order,
 * nesting) are the same, and the new sentence's own markup (its link's address) is what the seed carries.
 */
final class CodedText {

    sealed interface Token {
    }

    record Text(String text) implements Token {
    }

    /** The start of a wrapping code: its number and native opening tag. */
    record Begin(int n, String markup) implements Token {
    }

    record End(int n) implements Token {
    }

    /** A standalone code (a line break). */
    record Placeholder(int n, String markup) implements Token {
    }

    private static final Pattern TAG_NAME = Pattern.compile("^\\s*<\\s*([A-Za-z][A-Za-z0-9]*)");
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final List<Token> tokens;

    CodedText(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    List<Token> tokens() {
        return tokens;
    }

    boolean hasCodes() {
        return tokens.stream().anyMatch(token -> !(token instanceof Text));
    }

    /** A segment with its codes numbered in order of appearance; the markup is the source's own. */
    static CodedText of(Segment segment) {
        List<Token> tokens = new ArrayList<>();
        tokens(segment, segment.content(), tokens, new HashMap<>());
        return new CodedText(tokens);
    }

    private static void tokens(Segment segment, List<Part> content, List<Token> out, Map<Integer, Integer> numbers) {
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                out.add(new Text(text.text()));
            } else if (part instanceof Part.Paired paired) {
                int n = numbers.computeIfAbsent(paired.id(), id -> numbers.size() + 1);
                out.add(new Begin(n, segment.codes().get(paired.id()).markup()));
                tokens(segment, paired.content(), out, numbers);
                out.add(new End(n));
            } else if (part instanceof Part.Standalone standalone) {
                int n = numbers.computeIfAbsent(standalone.id(), id -> numbers.size() + 1);
                out.add(new Placeholder(n, segment.codes().get(standalone.id()).markup()));
            }
        }
    }

    /**
     * The translation's codes renumbered after the source's: each target code stands for the source code of the
     * same tag and kind at the same rank among those (the first link for the first link). Empty when the two
     * do not have the same codes.
     */
    static Optional<CodedText> aligned(CodedText source, CodedText target) {
        Map<String, List<Integer>> sourceCodes = ranks(source);
        Map<String, List<Integer>> targetCodes = ranks(target);
        if (!sourceCodes.keySet().equals(targetCodes.keySet())) {
            return Optional.empty();
        }
        Map<Integer, Integer> renumber = new HashMap<>();
        for (Map.Entry<String, List<Integer>> codes : sourceCodes.entrySet()) {
            List<Integer> theirs = targetCodes.get(codes.getKey());
            if (theirs.size() != codes.getValue().size()) {
                return Optional.empty();
            }
            for (int i = 0; i < theirs.size(); i++) {
                renumber.put(theirs.get(i), codes.getValue().get(i));
            }
        }
        List<Token> tokens = new ArrayList<>();
        for (Token token : target.tokens) {
            if (token instanceof Begin b) {
                tokens.add(new Begin(renumber.get(b.n()), b.markup()));
            } else if (token instanceof End e) {
                tokens.add(new End(renumber.get(e.n())));
            } else if (token instanceof Placeholder p) {
                tokens.add(new Placeholder(renumber.get(p.n()), p.markup()));
            } else {
                tokens.add(token);
            }
        }
        return Optional.of(new CodedText(tokens));
    }

    /** Code numbers by kind and tag ("paired a"), in order of appearance. */
    private static Map<String, List<Integer>> ranks(CodedText text) {
        Map<String, List<Integer>> ranks = new HashMap<>();
        for (Token token : text.tokens) {
            if (token instanceof Begin b) {
                ranks.computeIfAbsent("paired " + tag(b.markup()), k -> new ArrayList<>()).add(b.n());
            } else if (token instanceof Placeholder p) {
                ranks.computeIfAbsent("standalone " + tag(p.markup()), k -> new ArrayList<>()).add(p.n());
            }
        }
        return ranks;
    }

    /** The lower-case tag name of native markup, or the markup itself when it is not an HTML tag. */
    static String tag(String markup) {
        Matcher name = TAG_NAME.matcher(markup);
        return name.find() ? name.group(1).toLowerCase(Locale.ROOT) : markup;
    }

    /** Text and code structure (tag names, order, nesting), whitespace runs as one space: equal shapes may seed. */
    String shape() {
        StringBuilder out = new StringBuilder();
        Map<Integer, Integer> order = new HashMap<>();
        for (Token token : tokens) {
            if (token instanceof Text t) {
                out.append(t.text());
            } else if (token instanceof Begin b) {
                out.append('\uE001').append(order.computeIfAbsent(b.n(), n -> order.size() + 1))
                        .append(tag(b.markup())).append('\uE002');
            } else if (token instanceof End e) {
                out.append('\uE003').append(order.get(e.n())).append('\uE002');
            } else if (token instanceof Placeholder p) {
                out.append('\uE004').append(order.computeIfAbsent(p.n(), n -> order.size() + 1))
                        .append(tag(p.markup())).append('\uE002');
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * This target as content for a new source sentence whose shape equals {@code storedSource}'s: the stored code
     * numbers become the new sentence's code ids (its n-th code for number n). Empty when the shapes differ.
     */
    static Optional<List<Part>> seed(CodedText storedSource, CodedText storedTarget, Segment newSource) {
        CodedText fresh = of(newSource);
        if (!fresh.shape().equals(storedSource.shape())) {
            return Optional.empty();
        }
        // the n-th code of the stored source (by order) is the n-th code of the new one
        Map<Integer, Integer> rank = new HashMap<>();
        for (Token token : storedSource.tokens) {
            if (token instanceof Begin b) {
                rank.putIfAbsent(b.n(), rank.size() + 1);
            } else if (token instanceof Placeholder p) {
                rank.putIfAbsent(p.n(), rank.size() + 1);
            }
        }
        List<Integer> ids = new ArrayList<>();
        collectIds(newSource.content(), ids);
        Deque<List<Part>> open = new ArrayDeque<>();
        Deque<Integer> openIds = new ArrayDeque<>();
        open.push(new ArrayList<>());
        for (Token token : storedTarget.tokens) {
            if (token instanceof Text t) {
                open.peek().add(new Part.Text(t.text()));
            } else if (token instanceof Begin b) {
                Integer r = rank.get(b.n());
                if (r == null || !newSource.codes().get(ids.get(r - 1)).paired()) {
                    return Optional.empty();
                }
                openIds.push(ids.get(r - 1));
                open.push(new ArrayList<>());
            } else if (token instanceof End e) {
                Integer r = rank.get(e.n());
                if (r == null || openIds.isEmpty() || !openIds.peek().equals(ids.get(r - 1))) {
                    return Optional.empty();
                }
                List<Part> content = open.pop();
                open.peek().add(new Part.Paired(openIds.pop(), List.copyOf(content)));
            } else if (token instanceof Placeholder p) {
                Integer r = rank.get(p.n());
                if (r == null || newSource.codes().get(ids.get(r - 1)).paired()) {
                    return Optional.empty();
                }
                open.peek().add(new Part.Standalone(ids.get(r - 1)));
            }
        }
        if (open.size() != 1) {
            return Optional.empty();
        }
        List<Part> content = open.pop();
        return Optional.of(List.copyOf(content));
    }

    private static void collectIds(List<Part> content, List<Integer> ids) {
        for (Part part : content) {
            if (part instanceof Part.Paired paired) {
                ids.add(paired.id());
                collectIds(paired.content(), ids);
            } else if (part instanceof Part.Standalone standalone) {
                ids.add(standalone.id());
            }
        }
    }

    /** Writes the tokens as TMX inline elements into an open {@code <seg>}. */
    void write(XMLStreamWriter xml) throws XMLStreamException {
        for (Token token : tokens) {
            if (token instanceof Text t) {
                xml.writeCharacters(t.text());
            } else if (token instanceof Begin b) {
                xml.writeStartElement("bpt");
                xml.writeAttribute("i", String.valueOf(b.n()));
                xml.writeCharacters(b.markup());
                xml.writeEndElement();
            } else if (token instanceof End e) {
                xml.writeStartElement("ept");
                xml.writeAttribute("i", String.valueOf(e.n()));
                xml.writeCharacters("</" + tag(markupOf(e.n())) + ">");
                xml.writeEndElement();
            } else if (token instanceof Placeholder p) {
                xml.writeStartElement("ph");
                xml.writeAttribute("x", String.valueOf(p.n()));
                xml.writeCharacters(p.markup());
                xml.writeEndElement();
            }
        }
    }

    private String markupOf(int n) {
        return tokens.stream().filter(t -> t instanceof Begin b && b.n() == n).map(t -> ((Begin) t).markup())
                .findFirst().orElse("");
    }

    /** The inner XML of a {@code <seg>}, as the memory stores it. */
    String toXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartElement("seg"); // a writer refuses text outside an element
            write(xml);
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a coded sentence failed", e);
        }
        String seg = out.toString();
        return seg.substring("<seg>".length(), seg.length() - "</seg>".length());
    }

    /** The stored inner XML back as tokens. */
    static CodedText parse(String segXml) {
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new StringReader("<seg>" + segXml + "</seg>"));
            xml.nextTag();
            Builder coded = new Builder(true);
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    coded.text(xml.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    String number = xml.getAttributeValue(null, element.equals("ph") ? "x" : "i");
                    coded.code(element, number, elementText(xml));
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            CodedText text = coded.build();
            if (text == null) {
                throw new IllegalStateException("unbalanced codes");
            }
            return text;
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalStateException("a stored coded sentence is not TMX inline markup", e);
        }
    }

    /**
     * Builds a sentence from a TMX {@code <seg>}'s text and codes in document order: {@code bpt}s and
     * {@code ph}s numbered by order, each {@code ept} matched to its {@code bpt} by {@code i}. Crossing or
     * unbalanced codes, or codes it does not model ({@code it}, {@code ut}), make it unusable as coded (the
     * plain text still counts); so does a sentence without codes.
     */
    static final class Builder {
        private final List<Token> tokens = new ArrayList<>();
        private final Map<String, Integer> begun = new HashMap<>();
        private final Deque<Integer> open = new ArrayDeque<>();
        private final boolean keepNumbers;
        private int numbered;
        private boolean usable = true;

        /** For a TMX file's segment: codes numbered by order. */
        Builder() {
            this(false);
        }

        /** {@code keepNumbers}: the stored form, whose numbers are the source's ({@code i}, {@code x}). */
        private Builder(boolean keepNumbers) {
            this.keepNumbers = keepNumbers;
        }

        private int number(String given) {
            ++numbered;
            return keepNumbers ? Integer.parseInt(given) : numbered;
        }

        void text(String text) {
            tokens.add(new Text(text));
        }

        /** A code element with its {@code i} (or {@code x} for {@code ph}) and its native markup. */
        void code(String element, String number, String markup) {
            switch (element) {
                case "bpt" -> {
                    int n = number(number);
                    if (number == null || begun.put(number, n) != null) {
                        usable = false;
                    }
                    open.push(n);
                    tokens.add(new Begin(n, markup));
                }
                case "ept" -> {
                    Integer n = number == null ? null : begun.get(number);
                    if (n == null || open.isEmpty() || !open.peek().equals(n)) {
                        usable = false;
                    } else {
                        open.pop();
                        tokens.add(new End(n));
                    }
                }
                case "ph" -> tokens.add(new Placeholder(number(number), markup));
                default -> usable = false;
            }
        }

        void unusable() {
            usable = false;
        }

        CodedText build() {
            CodedText text = new CodedText(tokens);
            return usable && open.isEmpty() && text.hasCodes() ? text : null;
        }
    }

    /** A code's native markup: its text, a {@code <sub>}'s text (translatable text inside a code) left out. */
    private static String elementText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    /** The text without codes, as the memory compares it. */
    String plain() {
        StringBuilder out = new StringBuilder();
        tokens.stream().filter(t -> t instanceof Text).forEach(t -> out.append(((Text) t).text()));
        return Alignment.normalize(out.toString());
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodedText coded && coded.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return toXml();
    }
}
