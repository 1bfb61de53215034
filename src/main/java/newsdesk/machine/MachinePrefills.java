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
 * each segment's plain text (inline codes left out) to the pair's engine, one segment at a time with a bounded
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
        Map<String, MachineRepository.Cached> cached = repository.cached(source.language(), targetLanguage,
                engine.get().name(), segments.stream().map(MachinePrefills::hash).distinct().toList());
        List<MachineSuggestion> suggestions = new ArrayList<>();
        for (Segment segment : segments) {
            MachineRepository.Cached answer = cached.get(hash(segment));
            suggestions.add(answer == null
                    ? new MachineSuggestion(segment.id(), segment.field(), engine.get().name(),
                    MachineSuggestion.Status.PENDING, null, null, MachineSuggestion.ORIGIN)
                    : new MachineSuggestion(segment.id(), segment.field(), engine.get().name(), answer.status(),
                    answer.translation(), answer.detail(), MachineSuggestion.ORIGIN));
        }
        return suggestions;
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
                EngineResult result = engine.translate(text(segment), task.sourceLanguage(), task.language(),
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

    private static String hash(Segment segment) {
        return HexFormat.of().formatHex(Hashes.sha256(text(segment)));
    }
}
