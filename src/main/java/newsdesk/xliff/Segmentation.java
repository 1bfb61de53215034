package newsdesk.xliff;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A text (title, summary, sanitized HTML body) cut into segments: per block (a run of inline content
 * between block elements) and per sentence (ICU's sentence rules for the text's language). Inline
 * elements become codes; a sentence end inside one is not a cut, so every code stays whole in its
 * segment. Whitespace around sentences and runs without text stay in the skeleton, and
 * {@link #rebuild} puts targets back in place of their segments, restoring each code's markup.
 */
public final class Segmentation {

    public static final List<String> FIELDS = List.of("title", "summary", "body");

    private static final Set<String> INLINE = Set.of("a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
            "abbr", "code", "q", "cite", "span", "br", "img", "wbr");
    private static final Set<String> VOID = Set.of("br", "img", "wbr");
    private static final char OBJECT = '\uFFFC';

    /** A stretch of inline content: what stays (skeleton) and where segments go, in order. */
    private record Run(String field, List<Node> nodes, List<Object> pieces, Map<Integer, Element> templates) {
    }

    private final ULocale locale;
    private final Document body;
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    private Segmentation(String language, String title, String summary, String bodyHtml) {
        // "ss=standard": ICU's list of abbreviations that do not end a sentence ("Mr.", "т.е."), where it has one.
        this.locale = ULocale.forLanguageTag(language).setKeywordValue("ss", "standard");
        plain("title", title);
        plain("summary", summary);
        this.body = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
        body.outputSettings().prettyPrint(false);
        container(body.body());
    }

    public static Segmentation of(String language, String title, String summary, String body) {
        return new Segmentation(language, title, summary, body);
    }

    public List<Segment> segments() {
        return List.copyOf(segments.values());
    }

    /** The segments per run of one field, runs without segments left out (for aligning a draft with the source). */
    public List<List<Segment>> runs(String field) {
        List<List<Segment>> result = new ArrayList<>();
        for (Run run : runs) {
            List<Segment> inRun = run.pieces().stream().filter(p -> p instanceof String)
                    .map(id -> segments.get((String) id)).toList();
            if (run.field().equals(field) && !inRun.isEmpty()) {
                result.add(inRun);
            }
        }
        return result;
    }

    /** Title, summary and body with each segment replaced by its target (the source where none is given). */
    Rebuilt rebuild(Map<String, List<Part>> targets) {
        StringBuilder title = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        for (Run run : runs) {
            List<Node> nodes = new ArrayList<>();
            for (Object piece : run.pieces()) {
                @SuppressWarnings("unchecked")
                List<Part> parts = piece instanceof String id ? targets.getOrDefault(id, segments.get(id).content())
                        : (List<Part>) piece;
                switch (run.field()) {
                    case "title" -> title.append(Segment.plain(parts));
                    case "summary" -> summary.append(Segment.plain(parts));
                    default -> parts.forEach(part -> nodes.add(node(part, run.templates())));
                }
            }
            if (run.field().equals("body")) {
                Node first = run.nodes().get(0);
                nodes.forEach(first::before);
                run.nodes().forEach(Node::remove);
            }
        }
        return new Rebuilt(title.toString(), summary.toString(), body.body().html());
    }

    record Rebuilt(String title, String summary, String body) {
    }

    private static Node node(Part part, Map<Integer, Element> templates) {
        if (part instanceof Part.Text text) {
            return new TextNode(text.text());
        }
        if (part instanceof Part.Paired paired) {
            Element element = templates.get(paired.id()).shallowClone();
            paired.content().forEach(child -> element.appendChild(node(child, templates)));
            return element;
        }
        return templates.get(((Part.Standalone) part).id()).shallowClone();
    }

    private void plain(String field, String text) {
        if (text != null && !text.isEmpty()) {
            run(field, List.of(), new ArrayList<>(List.of(new Part.Text(text))), Map.of());
        }
    }

    /** Walks a block element: consecutive inline nodes form one run, block children are walked in turn. */
    private void container(Element element) {
        List<Node> inline = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode || child instanceof Element e && INLINE.contains(e.normalName())) {
                inline.add(child);
            } else {
                flush(inline);
                if (child instanceof Element block) {
                    container(block);
                }
            }
        }
        flush(inline);
    }

    private void flush(List<Node> inline) {
        if (inline.isEmpty()) {
            return;
        }
        Map<Integer, Element> templates = new LinkedHashMap<>();
        List<Part> parts = new ArrayList<>();
        for (Node node : inline) {
            parts.add(part(node, templates));
        }
        run("body", List.copyOf(inline), parts, templates);
        inline.clear();
    }

    private static Part part(Node node, Map<Integer, Element> templates) {
        if (node instanceof TextNode text) {
            return new Part.Text(text.getWholeText());
        }
        Element element = (Element) node;
        int id = templates.size() + 1;
        templates.put(id, element.shallowClone());
        if (VOID.contains(element.normalName())) {
            return new Part.Standalone(id);
        }
        List<Part> content = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode || child instanceof Element) {
                content.add(part(child, templates));
            }
        }
        return new Part.Paired(id, List.copyOf(content));
    }

    /** Cuts a run into sentences at the boundaries that fall between codes, and records its skeleton. */
    private void run(String field, List<Node> nodes, List<Part> parts, Map<Integer, Element> templates) {
        StringBuilder flat = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (Part part : parts) {
            starts.add(flat.length());
            flatten(part, flat);
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(flat.toString());
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int b = sentences.next(); b != BreakIterator.DONE && b < flat.length(); b = sentences.next()) {
            cuts.add(b);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Part.Text)) {
                int start = starts.get(i);
                int end = i + 1 < parts.size() ? starts.get(i + 1) : flat.length();
                cuts.removeIf(b -> b > start && b < end); // a sentence end inside a code is not a cut
            }
        }
        List<List<Part>> groups = new ArrayList<>();
        List<Part> group = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < parts.size() ? starts.get(i + 1) : flat.length();
            if (cuts.contains(start) && !group.isEmpty()) {
                groups.add(group);
                group = new ArrayList<>();
            }
            if (parts.get(i) instanceof Part.Text text) {
                int from = 0;
                for (int cut : cuts.subSet(start, false, end, false)) {
                    group.add(new Part.Text(text.text().substring(from, cut - start)));
                    groups.add(group);
                    group = new ArrayList<>();
                    from = cut - start;
                }
                if (from < text.text().length()) {
                    group.add(new Part.Text(text.text().substring(from)));
                }
            } else {
                group.add(parts.get(i));
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        List<Object> pieces = new ArrayList<>();
        for (List<Part> sentence : groups) {
            pieces.addAll(pieces(field, sentence, templates));
        }
        runs.add(new Run(field, nodes, pieces, templates));
    }

    /** A sentence as skeleton and segment: its outer whitespace stays, a sentence without text is all skeleton. */
    private List<Object> pieces(String field, List<Part> sentence, Map<Integer, Element> templates) {
        if (Segment.plain(sentence).isBlank()) {
            return List.of(sentence);
        }
        List<Part> content = new ArrayList<>(sentence);
        String before = "";
        String after = "";
        if (content.get(0) instanceof Part.Text first) {
            String stripped = first.text().stripLeading();
            before = first.text().substring(0, first.text().length() - stripped.length());
            content.set(0, new Part.Text(stripped));
        }
        int lastIndex = content.size() - 1;
        if (content.get(lastIndex) instanceof Part.Text last) {
            String stripped = last.text().stripTrailing();
            after = last.text().substring(stripped.length());
            content.set(lastIndex, new Part.Text(stripped));
        }
        content.removeIf(p -> p instanceof Part.Text t && t.text().isEmpty());
        String id = field + "-" + counters.merge(field, 1, Integer::sum);
        Map<Integer, Segment.Code> codes = new LinkedHashMap<>();
        collectCodes(content, templates, codes);
        segments.put(id, new Segment(id, field, List.copyOf(content), codes));
        List<Object> pieces = new ArrayList<>();
        if (!before.isEmpty()) {
            pieces.add(List.of(new Part.Text(before)));
        }
        pieces.add(id);
        if (!after.isEmpty()) {
            pieces.add(List.of(new Part.Text(after)));
        }
        return pieces;
    }

    private static void collectCodes(List<Part> content, Map<Integer, Element> templates, Map<Integer, Segment.Code> codes) {
        for (Part part : content) {
            if (part instanceof Part.Paired paired) {
                codes.put(paired.id(), code(templates.get(paired.id()), true));
                collectCodes(paired.content(), templates, codes);
            } else if (part instanceof Part.Standalone standalone) {
                codes.put(standalone.id(), code(templates.get(standalone.id()), false));
            }
        }
    }

    private static Segment.Code code(Element template, boolean paired) {
        String markup = template.outerHtml();
        if (paired) {
            markup = markup.substring(0, markup.length() - ("</" + template.tagName() + ">").length());
        }
        return new Segment.Code(template.normalName(), markup, paired);
    }

    private static void flatten(Part part, StringBuilder flat) {
        if (part instanceof Part.Text text) {
            flat.append(text.text());
        } else if (part instanceof Part.Paired paired) {
            paired.content().forEach(child -> flatten(child, flat));
        } else {
            flat.append(OBJECT);
        }
    }
}
