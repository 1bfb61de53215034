package newsdesk.glossary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.language.LanguageService;
import newsdesk.platform.ETags;
import newsdesk.platform.FieldError;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.PreconditionFailed;
import newsdesk.platform.SortKey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The glossary: editors keep the terms; the desk shows them in a source and checks translations against them. */
@ApplicationScoped
public class GlossaryService {

    @Inject
    GlossaryRepository glossary;

    @Inject
    LanguageService languages;

    @Inject
    Clock clock;

    /** Each pair's terms as last read for a task view; a few pairs per newsroom. */
    private final Map<LanguagePair, PairTerms> byPair = new ConcurrentHashMap<>();

    /** Terms in pair and term order, of one pair ({@code uk-en}) if asked, whose forms contain {@code q}. */
    public Page<Term> list(String pair, String query, PageRequest page) {
        LanguagePair languagePair = pair == null || pair.isBlank() ? null : LanguagePair.parse(pair);
        GlossaryRepository.Filter filter = new GlossaryRepository.Filter(
                languagePair == null ? null : languagePair.source(), languagePair == null ? null : languagePair.target(),
                query == null || query.isBlank() ? null : query.strip());
        if (page.after() != null) {
            checkCursor(page.after());
        }
        return page.page(glossary.list(filter, page.after(), page.limit()), GlossaryRepository::sortKey);
    }

    public Term get(UUID id) {
        return glossary.find(id).orElseThrow(() -> new NotFound("No glossary term " + id));
    }

    /** Adds a term (editor, admin): 422 for languages the site does not have, 409 when the pair has it already. */
    @InTransaction
    public Term create(TermRequest request) {
        TermRequest term = checked(request);
        UUID id = UUID.randomUUID();
        glossary.insert(id, term, clock.instant());
        return get(id);
    }

    /** Changes a term at the version read (If-Match: 428 without it, 412 when stale). */
    @InTransaction
    public Term update(UUID id, Long expectedVersion, TermRequest request) {
        TermRequest term = checked(request);
        Term current = get(id);
        if (expectedVersion == null) {
            throw PreconditionFailed.missing();
        }
        if (!glossary.update(id, expectedVersion, term, clock.instant())) {
            throw PreconditionFailed.stale(ETags.of(current.version()));
        }
        return get(id);
    }

    public void delete(UUID id) {
        if (!glossary.delete(id)) {
            throw new NotFound("No glossary term " + id);
        }
    }

    /** Where the source text uses the pair's terms, with their preferred forms. */
    public List<GlossaryHit> inSource(String sourceLanguage, String targetLanguage, String title, String summary,
                                      String body) {
        return hits(glossary.ofPair(sourceLanguage, targetLanguage), sourceLanguage, title, summary, body);
    }

    /**
     * The same, from the pair's terms kept in memory while the pair's glossary generation (read by the caller
     * in its own statement, V24) has not moved past them: no database read then. Terms read after the caller's
     * statement are at least as new as its generation, so a kept list is never older than what it stands for.
     */
    public List<GlossaryHit> inSource(String sourceLanguage, String targetLanguage, long generation, String title,
                                      String summary, String body) {
        LanguagePair pair = new LanguagePair(sourceLanguage, targetLanguage);
        PairTerms kept = byPair.get(pair);
        if (kept == null || kept.generation() < generation) {
            kept = new PairTerms(generation, glossary.ofPair(sourceLanguage, targetLanguage));
            byPair.merge(pair, kept, (old, read) -> old.generation() >= read.generation() ? old : read);
        }
        return hits(kept.terms(), sourceLanguage, title, summary, body);
    }

    private static List<GlossaryHit> hits(List<Term> terms, String sourceLanguage, String title, String summary,
                                          String body) {
        return terms.isEmpty() ? List.of() : GlossaryMatcher.inSource(terms, sourceLanguage,
                new GlossaryMatcher.Fields(title, summary, body));
    }

    /** A pair's terms as of a glossary generation. */
    private record PairTerms(long generation, List<Term> terms) {
    }

    /**
     * 422 listing each hit of the translation against the pair's glossary (forbidden forms, terms left
     * out), except those a reviewer overrode on this task.
     */
    public void check(UUID taskId, String sourceLanguage, String[] source, String targetLanguage, String[] target) {
        List<Term> terms = glossary.ofPair(sourceLanguage, targetLanguage);
        if (terms.isEmpty()) {
            return;
        }
        Set<String> overridden = glossary.overrides(taskId);
        List<GlossaryHit> hits = GlossaryMatcher.check(terms, sourceLanguage,
                        new GlossaryMatcher.Fields(source[0], source[1], source[2]), targetLanguage,
                        new GlossaryMatcher.Fields(target[0], target[1], target[2]))
                .stream().filter(hit -> !overridden.contains(hit.overrideKey())).toList();
        if (!hits.isEmpty()) {
            throw new GlossaryViolation(hits);
        }
    }

    /**
     * Records a reviewer's override of one hit on a task of this pair; returns what the audit trail should
     * say. 404 for an unknown term, 422 for a term of another pair.
     */
    @InTransaction
    public String override(UUID taskId, String sourceLanguage, String targetLanguage, GlossaryOverride override,
                           UUID reviewerId) {
        Term term = glossary.find(override.termId())
                .orElseThrow(() -> Invalid.field("termId", "no glossary term " + override.termId()));
        if (!term.sourceLanguage().equals(sourceLanguage) || !term.targetLanguage().equals(targetLanguage)) {
            throw Invalid.field("termId", term.term() + " is a term of " + term.sourceLanguage() + "-"
                    + term.targetLanguage() + ", the task translates " + sourceLanguage + "-" + targetLanguage);
        }
        String found = override.found() == null || override.found().isBlank() ? "" : WordForms.fold(override.found().strip());
        glossary.override(taskId, term.id(), found, override.reason().strip(), reviewerId, clock.instant());
        return "glossary term " + term.term() + " (" + term.id() + "): "
                + (found.isEmpty() ? "may be left out" : "\"" + override.found().strip() + "\" allowed")
                + "; reason: " + override.reason().strip();
    }

    /** A key this server wrote starts with two language tags ("uk|en|Київ"): anything else is a forged cursor. */
    private static void checkCursor(String key) {
        String[] parts = key.split("\\|", 3);
        if (parts.length != 3 || !LanguagePair.isTag(parts[0]) || !LanguagePair.isTag(parts[1])) {
            throw SortKey.forged();
        }
    }

    private TermRequest checked(TermRequest request) {
        TermRequest term = request.normalized();
        Set<String> known = languages.codes();
        List<FieldError> errors = new ArrayList<>();
        if (!known.contains(term.sourceLanguage())) {
            errors.add(new FieldError("sourceLanguage", term.sourceLanguage() + " is not a site language"));
        }
        if (!known.contains(term.targetLanguage())) {
            errors.add(new FieldError("targetLanguage", term.targetLanguage() + " is not a site language"));
        } else if (term.targetLanguage().equals(term.sourceLanguage())) {
            errors.add(new FieldError("targetLanguage", "must differ from the source language"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return term;
    }
}
