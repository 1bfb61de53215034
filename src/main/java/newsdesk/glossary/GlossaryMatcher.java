package newsdesk.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds glossary terms in a source and checks a translation against them, field by field. Pure logic. */
final class GlossaryMatcher {

    /** The fields of a text, in order: title, summary (plain) and body (HTML). */
    record Fields(String title, String summary, String body) {

        Map<String, Passage> passages(String language) {
            Map<String, Passage> passages = new LinkedHashMap<>();
            passages.put("title", Passage.plain(language, title == null ? "" : title));
            passages.put("summary", Passage.plain(language, summary == null ? "" : summary));
            passages.put("body", Passage.html(language, body == null ? "" : body));
            return passages;
        }
    }

    private static final Map<String, List<Passage.Word>> FORMS = new java.util.concurrent.ConcurrentHashMap<>();

    private GlossaryMatcher() {
    }

    /** Where the source uses the pair's terms, with their preferred forms (what a translator should know). */
    static List<GlossaryHit> inSource(List<Term> terms, String sourceLanguage, Fields source) {
        List<GlossaryHit> hits = new ArrayList<>();
        Map<String, Passage> passages = source.passages(sourceLanguage);
        for (Term term : terms) {
            passages.forEach((field, passage) -> find(passage, sourceLanguage, term.sourceForms()).forEach(span ->
                    hits.add(new GlossaryHit(GlossaryHit.TERM, term.id(), term.term(), span.text(), term.preferred(),
                            field, span.offset(), "translate as " + term.preferred()))));
        }
        return sorted(hits);
    }

    /**
     * What is wrong with a translation: every forbidden form used, and every term the source has in a
     * field whose translation has none of its preferred forms (unless a forbidden form stands there).
     */
    static List<GlossaryHit> check(List<Term> terms, String sourceLanguage, Fields source, String targetLanguage,
                                   Fields target) {
        List<GlossaryHit> hits = new ArrayList<>();
        Map<String, Passage> sources = source.passages(sourceLanguage);
        Map<String, Passage> targets = target.passages(targetLanguage);
        for (Term term : terms) {
            for (Map.Entry<String, Passage> entry : targets.entrySet()) {
                String field = entry.getKey();
                Passage translated = entry.getValue();
                List<Passage.Span> forbidden = find(translated, targetLanguage, term.forbidden());
                forbidden.forEach(span -> hits.add(new GlossaryHit(GlossaryHit.FORBIDDEN, term.id(), term.term(),
                        span.text(), term.preferred(), field, span.offset(),
                        "write " + term.preferred() + ", not " + span.text())));
                if (!forbidden.isEmpty()) {
                    continue;
                }
                List<Passage.Span> inSource = find(sources.get(field), sourceLanguage, term.sourceForms());
                if (!inSource.isEmpty() && find(translated, targetLanguage, term.targetForms()).isEmpty()) {
                    hits.add(new GlossaryHit(GlossaryHit.MISSING, term.id(), term.term(), null, term.preferred(),
                            field, inSource.get(0).offset(), "the source's " + field + " has " + inSource.get(0).text()
                            + ": its translation should have " + term.preferred()));
                }
            }
        }
        return sorted(hits);
    }

    /** Where any of the forms occurs; overlapping finds of several forms count once, the longest first. */
    private static List<Passage.Span> find(Passage passage, String language, List<String> forms) {
        List<Passage.Span> spans = new ArrayList<>();
        for (String form : forms) {
            spans.addAll(passage.find(keys(language, form)));
        }
        spans.sort(Comparator.comparingInt(Passage.Span::startWord)
                .thenComparing(Comparator.comparingInt(Passage.Span::endWord).reversed()));
        List<Passage.Span> distinct = new ArrayList<>();
        int covered = -1;
        for (Passage.Span span : spans) {
            if (span.startWord() >= covered) {
                distinct.add(span);
                covered = span.endWord();
            }
        }
        return distinct;
    }

    /** A term's form as words with keys; the glossary is small, so forms are cut once (the cache is bounded). */
    private static List<Passage.Word> keys(String language, String form) {
        if (FORMS.size() > 20_000) {
            FORMS.clear();
        }
        return FORMS.computeIfAbsent(language + "\u0000" + form, k -> Passage.plain(language, form).words());
    }

    private static List<GlossaryHit> sorted(List<GlossaryHit> hits) {
        hits.sort(Comparator.comparingInt((GlossaryHit h) -> List.of("title", "summary", "body").indexOf(h.field()))
                .thenComparingInt(GlossaryHit::offset));
        return hits;
    }
}
