package newsdesk.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.article.Revision;
import newsdesk.article.TranslationEditions;
import newsdesk.desk.MachinePrefill;
import newsdesk.desk.MachineSuggestion;
import newsdesk.desk.SourceText;
import newsdesk.platform.Hashes;
import newsdesk.platform.Periodic;
import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;
import newsdesk.xliff.Segmentation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Machine pre-fill, eager and in the background: every interval each instance takes open and claimed tasks
 * whose pinned source revision it has not been through, cuts the source as the XLIFF export does and sends
 * each segment's plain text to the pair's engine (a segment with inline codes as markup the engine passes
 * through, {@link MarkupCodes}, so its answer can seed an XLIFF target with the codes in place), one segment at a time with a bounded
 * time each. Answers and failures are cached per language pair, engine and text, so a sentence is translated
 * once however many tasks, revisions and views show it. Views only read the cache: an engine that crashes,
 * hangs or is slow never delays or fails a claim, a view or an export; its segments show as failed, timed out
 * or pending.
 */
@ApplicationScoped
public class MachinePrefills implements MachinePrefill {

    private static final System.Logger LOG = System.getLogger(MachinePrefills.class.getName());

    @Inject
    MachineEngines engines;

    @Inject
    MachineRepository repository;

    @Inject
    TranslationEditions editions;

    @Inject
    Periodic periodic;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.mt.interval.seconds", defaultValue = "5")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "newsdesk.mt.tasks.per.run", defaultValue = "10")
    int tasksPerRun;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (engines.configured()) {
            periodic.every("machine pre-fill", Duration.ofSeconds(intervalSeconds), this::fill);
        }
    }

    @Override
    public List<MachineSuggestion> suggestions(String targetLanguage, SourceText source) {
        Optional<Engine> engine = engines.forPair(source.language(), targetLanguage);
        if (engine.isEmpty()) {
            return List.of();
        }
        List<Segment> segments = Segmentation.of(source.language(), source.title(), source.summary(), source.body())
                .segments().stream().filter(segment -> !text(segment).isEmpty()).toList();
        Map<String, MachineRepository.Cached> cached = cached(source.language(), targetLanguage, engine.get(), segments);
        List<MachineSuggestion> suggestions = new ArrayList<>();
        for (Segment segment : segments) {
            MachineRepository.Cached answer = cached.get(hash(segment));
            String text = answer == null ? null : answer.translation();
            if (answer == null && !segment.codes().isEmpty()) {
                // cached before segments with codes went as markup: the plain answer still helps the translator
                answer = cached.get(plainHash(segment));
                text = answer == null ? null : answer.translation();
            } else if (text != null && !segment.codes().isEmpty()) {
                text = MarkupCodes.parse(text, segment.codes())
                        .map(content -> Segment.plain(content).replaceAll("\\s+", " ").strip())
                        .orElse(MarkupCodes.plain(text));
            }
            suggestions.add(answer == null
                    ? new MachineSuggestion(segment.id(), segment.field(), engine.get().name(),
                    MachineSuggestion.Status.PENDING, null, null, MachineSuggestion.ORIGIN)
                    : new MachineSuggestion(segment.id(), segment.field(), engine.get().name(), answer.status(),
                    text, answer.detail(), MachineSuggestion.ORIGIN));
        }
        return suggestions;
    }

    /**
     * The engine's answers for segments with inline codes, mapped back onto their codes, by segment id; a
     * segment whose answer lost or mangled a code is absent (never a seed without its codes). Reads the cache.
     */
    Map<String, List<Part>> withCodes(String sourceLanguage, String targetLanguage, List<Segment> segments) {
        Optional<Engine> engine = engines.forPair(sourceLanguage, targetLanguage);
        List<Segment> coded = segments.stream().filter(segment -> !segment.codes().isEmpty()).toList();
        if (engine.isEmpty() || coded.isEmpty()) {
            return Map.of();
        }
        Map<String, MachineRepository.Cached> cached = repository.cached(sourceLanguage, targetLanguage,
                engine.get().name(), coded.stream().map(MachinePrefills::hash).distinct().toList());
        Map<String, List<Part>> mapped = new HashMap<>();
        for (Segment segment : coded) {
            MachineRepository.Cached answer = cached.get(hash(segment));
            if (answer != null && answer.status() == MachineSuggestion.Status.OK) {
                MarkupCodes.parse(answer.translation(), segment.codes())
                        .ifPresent(content -> mapped.put(segment.id(), content));
            }
        }
        return mapped;
    }

    /** The cached answers for the segments, by hash (for segments with codes, also under their plain hash). */
    private Map<String, MachineRepository.Cached> cached(String from, String to, Engine engine, List<Segment> segments) {
        List<String> hashes = segments.stream().flatMap(segment -> segment.codes().isEmpty()
                ? java.util.stream.Stream.of(hash(segment))
                : java.util.stream.Stream.of(hash(segment), plainHash(segment))).distinct().toList();
        return repository.cached(from, to, engine.name(), hashes);
    }

    /** One run of the background pre-fill; stops early when the instance shuts down. */
    void fill() {
        List<String> pairs = engines.pairs();
        for (MachineRepository.Unfilled task : repository.unfilled(pairs, tasksPerRun)) {
            Engine engine = engines.forPair(task.sourceLanguage(), task.language()).orElseThrow();
            Revision source = editions.sourceRevision(task.articleId(), task.sourceRevision());
            List<Segment> segments = Segmentation.of(task.sourceLanguage(), source.title(), source.summary(),
                    source.body()).segments().stream().filter(segment -> !text(segment).isEmpty()).toList();
            Map<String, MachineRepository.Cached> done = new HashMap<>(repository.cached(task.sourceLanguage(),
                    task.language(), engine.name(), segments.stream().map(MachinePrefills::hash).distinct().toList()));
            int failures = 0;
            for (Segment segment : segments) {
                String hash = hash(segment);
                if (done.containsKey(hash)) {
                    continue;
                }
                EngineResult result = segment.codes().isEmpty()
                        ? engine.translate(text(segment), task.sourceLanguage(), task.language(), engines.timeout())
                        : engine.translateMarkup(MarkupCodes.markup(segment), task.sourceLanguage(), task.language(),
                        engines.timeout());
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: an interrupted run is no verdict on the engine
                }
                repository.store(task.sourceLanguage(), task.language(), engine.name(), hash, result, clock.instant());
                done.put(hash, new MachineRepository.Cached(result.status(), result.text(), result.detail()));
                if (result.status() != MachineSuggestion.Status.OK) {
                    failures++;
                    LOG.log(Level.INFO, "{0} {1}-{2} left segment {3} of task {4} unfilled ({5}): {6}", engine.name(),
                            task.sourceLanguage(), task.language(), segment.id(), task.taskId(), result.status(),
                            result.detail());
                }
            }
            repository.filled(task.taskId(), task.sourceRevision(), clock.instant());
            LOG.log(Level.DEBUG, "machine pre-fill of task {0}: {1} segments, {2} unfilled", task.taskId(),
                    segments.size(), failures);
        }
    }

    /** What the engine is given: the segment's text without its inline codes, whitespace runs collapsed. */
    static String text(Segment segment) {
        return Segment.plain(segment.content()).replaceAll("\\s+", " ").strip();
    }

    /** The cache key: the plain text's hash, or for a segment with codes its markup's (kept apart by a prefix). */
    private static String hash(Segment segment) {
        return segment.codes().isEmpty() ? plainHash(segment)
                : HexFormat.of().formatHex(Hashes.sha256("markup\n" + MarkupCodes.markup(segment)));
    }

    private static String plainHash(Segment segment) {
        return HexFormat.of().formatHex(Hashes.sha256(text(segment)));
    }
}
