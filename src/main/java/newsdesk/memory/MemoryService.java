package newsdesk.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.AccountService;
import newsdesk.article.TranslationApproved;
import newsdesk.desk.MemoryLookup;
import newsdesk.desk.SegmentMatches;
import newsdesk.desk.SourceText;
import newsdesk.language.LanguageService;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Jdbc;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.SortKey;
import newsdesk.xliff.Segment;
import newsdesk.xliff.Segmentation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The translation memory's use cases: remembering approved translations, matches for a task's source
 * (task view and XLIFF seeds), and the staff's list, search, delete and TMX import and export.
 */
@ApplicationScoped
public class MemoryService implements MemoryLookup {

    @Inject
    MemoryRepository memory;

    @Inject
    LanguageService languages;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    Jdbc jdbc;

    @Inject
    @ConfigProperty(name = "newsdesk.memory.min.score", defaultValue = "70")
    int minScore;

    @Inject
    @ConfigProperty(name = "newsdesk.memory.matches", defaultValue = "3")
    int matchesPerSegment;

    @Inject
    @ConfigProperty(name = "newsdesk.memory.candidates", defaultValue = "20")
    int candidates;

    /** How long the word frequencies read from the statistics are used before they are read again. */
    private static final java.time.Duration FREQUENCIES_KEPT = java.time.Duration.ofMinutes(10);

    /** The word frequencies of the last read, and when it was; null before the first lookup. */
    private volatile Frequencies frequencies;

    private record Frequencies(Map<String, Double> byWord, Instant read) {
    }

    /** Stores the sentence pairs of an approved translation (pairs already stored stay as they are); returns how many were new. */
    @InTransaction
    public int remember(TranslationApproved approved) {
        Segmentation source = Segmentation.of(approved.sourceLanguage(), approved.source().title(),
                approved.source().summary(), approved.source().body());
        Segmentation target = Segmentation.of(approved.language(), approved.translation().title(),
                approved.translation().summary(), approved.translation().body());
        String approver = accounts.get(approved.approverId()).username();
        Instant now = clock.instant();
        int added = 0;
        for (Alignment.Pair pair : Alignment.pairs(source, target)) {
            if (memory.add(new MemoryEntry(UUID.randomUUID(), approved.sourceLanguage(), approved.language(),
                    pair.source(), pair.target(), approved.articleId(), approver, approved.approvedAt()),
                    xml(pair.sourceCoded()), xml(pair.targetCoded()), now)) {
                added++;
            }
        }
        return added;
    }

    private static String xml(CodedText coded) {
        return coded == null ? null : coded.toXml();
    }

    /**
     * Targets with inline codes for sentences with codes, by segment id: the newest entry whose source has exactly
     * the sentence's text and code structure (a 100 % match), its codes put on the sentence's own codes.
     */
    @InTransaction
    public Map<String, List<newsdesk.xliff.Part>> withCodes(String sourceLanguage, String targetLanguage,
                                                           List<Segment> segments) {
        List<Segment> coded = segments.stream().filter(segment -> !segment.codes().isEmpty())
                .filter(segment -> !Alignment.text(segment).isEmpty()
                        && Alignment.text(segment).length() <= Alignment.MAX_LENGTH).toList();
        Map<String, List<newsdesk.xliff.Part>> seeds = new HashMap<>();
        if (coded.isEmpty()) {
            return seeds;
        }
        Map<Integer, List<MemoryRepository.Coded>> found = jdbc.underSavepoint(() -> memory.coded(sourceLanguage,
                targetLanguage, coded.stream().map(Alignment::text).toList(), candidates));
        for (int i = 0; i < coded.size(); i++) {
            for (MemoryRepository.Coded entry : found.getOrDefault(i, List.of())) {
                var content = CodedText.seed(CodedText.parse(entry.source()), CodedText.parse(entry.target()),
                        coded.get(i));
                if (content.isPresent()) {
                    seeds.put(coded.get(i).id(), content.get());
                    break;
                }
            }
        }
        return seeds;
    }

    /** Matches for each sentence of the source that has any (best first, at most the configured number). */
    @Override
    @InTransaction
    public List<SegmentMatches> matches(String targetLanguage, SourceText source) {
        List<Segment> segments = Segmentation.of(source.language(), source.title(), source.summary(), source.body())
                .segments();
        List<String> texts = segments.stream().map(Alignment::text).toList();
        List<List<SegmentMatches.Match>> found = lookup(source.language(), targetLanguage, texts);
        List<SegmentMatches> result = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (!found.get(i).isEmpty()) {
                result.add(new SegmentMatches(segments.get(i).id(), texts.get(i), found.get(i)));
            }
        }
        return result;
    }

    /**
     * The best matches for each sentence (in the same order): candidates that share two of the sentence's three
     * rarest words and whose length allows the minimum score (exact ones only for a sentence of one word),
     * rescored by edit distance, best first, one per distinct target, at most the configured number.
     */
    @InTransaction
    public List<List<SegmentMatches.Match>> lookup(String sourceLanguage, String targetLanguage, List<String> texts) {
        // Each distinct sentence is asked once; empty and overlong ones are not asked.
        List<String> asked = texts.stream().filter(text -> !text.isEmpty() && text.length() <= Alignment.MAX_LENGTH)
                .distinct().toList();
        // Under a savepoint: a failing lookup must not abort the claim, draft or export it is part of.
        Map<Integer, List<MemoryEntry>> candidates = jdbc.underSavepoint(() -> {
            Map<Integer, List<String>> words = memory.words(asked);
            Map<String, Double> common = frequencies();
            List<MemoryRepository.Wanted> wanted = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                String text = asked.get(i);
                int length = text.codePointCount(0, text.length());
                // A score of minScore or more needs the shorter text to be at least minScore % of the longer
                // (the edit distance is at least the length difference); one character of slack either side
                // for the rounding and for a character Java counts twice (the window only narrows the candidates).
                wanted.add(new MemoryRepository.Wanted(text, CandidateQuery.of(words.getOrDefault(i, List.of()), common),
                        Math.max(1, length * minScore / 100 - 1), minScore <= 0 ? Integer.MAX_VALUE : length * 100 / minScore + 1));
            }
            return memory.candidates(sourceLanguage, targetLanguage, wanted, this.candidates);
        });
        Map<String, List<SegmentMatches.Match>> byText = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            byText.put(asked.get(i), best(asked.get(i), candidates.getOrDefault(i, List.of())));
        }
        List<List<SegmentMatches.Match>> result = new ArrayList<>();
        for (String text : texts) {
            result.add(byText.getOrDefault(text, List.of()));
        }
        return result;
    }

    /** The common words' frequencies, read again from the statistics when the last read is older than ten minutes. */
    private Map<String, Double> frequencies() {
        Frequencies last = frequencies;
        Instant now = clock.instant();
        if (last == null || last.read().plus(FREQUENCIES_KEPT).isBefore(now)) {
            last = new Frequencies(Map.copyOf(memory.wordFrequencies()), now);
            frequencies = last;
        }
        return last.byWord();
    }

    private List<SegmentMatches.Match> best(String text, List<MemoryEntry> candidates) {
        List<SegmentMatches.Match> scored = new ArrayList<>();
        for (MemoryEntry entry : candidates) {
            int score = Scores.score(text, entry.source(), minScore);
            if (score >= 0) {
                scored.add(new SegmentMatches.Match(entry.id(), entry.source(), entry.target(), score,
                        new SegmentMatches.Origin(entry.articleId(), entry.targetLanguage(), entry.approver(),
                                entry.approvedAt())));
            }
        }
        scored.sort(Comparator.comparingInt(SegmentMatches.Match::score).reversed()
                .thenComparing(m -> m.origin().approvedAt(), Comparator.reverseOrder()));
        Set<String> targets = new HashSet<>();
        return scored.stream().filter(m -> targets.add(m.target())).limit(matchesPerSegment).toList();
    }

    /** A page of the pair's entries, those containing {@code q} in source or target when given. 422 for an unknown pair. */
    public Page<MemoryEntry> list(String pair, String q, PageRequest page) {
        LanguagePair languagePair = LanguagePair.parse(pair, languages.codes());
        UUID after = page.after() == null ? null : SortKey.id(page.after());
        String query = q == null || q.isBlank() ? null : q.strip();
        return page.page(memory.list(languagePair.source(), languagePair.target(), query, after, page.limit() + 1),
                entry -> entry.id().toString());
    }

    /** Removes one entry; 404 when there is none. */
    public void delete(UUID id) {
        if (!memory.delete(id)) {
            throw new NotFound("No memory entry " + id);
        }
    }

    /** A language pair of the site ("uk-en"); 422 for an unknown one. */
    public LanguagePair pair(String pair) {
        return LanguagePair.parse(pair, languages.codes());
    }

    /** The pair's whole memory as TMX 1.4b, written page by page as each is read. */
    public void exportTmx(LanguagePair languagePair, OutputStream out) {
        TmxWriter writer = new TmxWriter(out, languagePair.source());
        UUID after = null;
        List<MemoryRepository.Exported> page;
        do {
            page = memory.export(languagePair.source(), languagePair.target(), after, 1000);
            page.forEach(row -> writer.unit(row.entry(), row.sourceCoded() == null ? null
                    : CodedText.parse(row.sourceCoded()), row.targetCoded() == null ? null
                    : CodedText.parse(row.targetCoded())));
            after = page.isEmpty() ? null : page.get(page.size() - 1).entry().id();
        } while (page.size() == 1000);
        writer.close();
    }

    /** Pairs stored per statement during a TMX import. */
    private static final int IMPORT_BATCH = 500;

    /**
     * Adds a TMX file's units as the file streams in, stored in batches: each translation unit variant in a site
     * language other than the file's source language becomes a pair with the source variant. 400 for a file that
     * is not TMX, 422 naming the unit for a broken unit, 413 past the size limit; nothing is stored then (one
     * transaction for the whole file).
     */
    @InTransaction
    public TmxImport importTmx(InputStream file) {
        Set<String> codes = languages.codes();
        Instant now = clock.instant();
        int[] counts = new int[3]; // pairs, added, skipped
        Map<String, MemoryRepository.NewPair> batch = new java.util.LinkedHashMap<>();
        int units = TmxReader.read(file, unit -> {
            String sourceLanguage = siteLanguage(unit.sourceLanguage(), codes);
            TmxReader.Variant source = unit.variants().stream()
                    .filter(v -> v.language().equalsIgnoreCase(unit.sourceLanguage())).findFirst().orElse(null);
            for (TmxReader.Variant variant : unit.variants()) {
                if (variant == source) {
                    continue;
                }
                String targetLanguage = siteLanguage(variant.language(), codes);
                String sourceText = source == null ? "" : Alignment.normalize(source.text());
                String targetText = Alignment.normalize(variant.text());
                if (sourceLanguage == null || targetLanguage == null || targetLanguage.equals(sourceLanguage)
                        || sourceText.isEmpty() || targetText.isEmpty()
                        || sourceText.length() > Alignment.MAX_LENGTH || targetText.length() > Alignment.MAX_LENGTH) {
                    counts[2]++;
                    continue;
                }
                counts[0]++;
                Instant approvedAt = unit.changed() != null ? unit.changed() : unit.created() != null ? unit.created() : now;
                // codes only when both variants have the same ones (by tag and kind), renumbered after the source's
                CodedText targetCoded = source.coded() == null || variant.coded() == null ? null
                        : CodedText.aligned(source.coded(), variant.coded()).orElse(null);
                MemoryRepository.NewPair pair = new MemoryRepository.NewPair(new MemoryEntry(UUID.randomUUID(),
                        sourceLanguage, targetLanguage, sourceText, targetText, null, unit.creator(), approvedAt),
                        xml(targetCoded == null ? null : source.coded()), xml(targetCoded));
                // one statement may not touch a row twice: the same pair twice in a batch is one (with codes if any)
                batch.merge(sourceLanguage + "\n" + targetLanguage + "\n" + sourceText + "\n" + targetText, pair,
                        (kept, again) -> kept.sourceCoded() == null ? again : kept);
                if (batch.size() >= IMPORT_BATCH) {
                    counts[1] += memory.addAll(List.copyOf(batch.values()), now);
                    batch.clear();
                }
            }
        });
        counts[1] += memory.addAll(List.copyOf(batch.values()), now);
        return new TmxImport(units, counts[0], counts[1], counts[0] - counts[1], counts[2]);
    }

    /** The site language a TMX language tag stands for ({@code UK}, {@code uk-UA} → {@code uk}), or null. */
    private static String siteLanguage(String tag, Set<String> codes) {
        if (tag == null) {
            return null;
        }
        for (String code : codes) {
            if (code.equalsIgnoreCase(tag)) {
                return code;
            }
        }
        int hyphen = tag.indexOf('-');
        return hyphen > 0 ? siteLanguage(tag.substring(0, hyphen), codes) : null;
    }
}
