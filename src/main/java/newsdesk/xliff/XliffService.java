package newsdesk.xliff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.article.TranslationEditions;
import newsdesk.desk.ClaimService;
import newsdesk.desk.TaskService;
import newsdesk.desk.TaskView;
import newsdesk.desk.TranslationWork;
import newsdesk.platform.FieldError;
import newsdesk.platform.Forbidden;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.Role;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * XLIFF export and import of one task. Export: the pinned source cut into segments, each with a seeded
 * target. Import: the file is checked against the task (its id, the pinned source revision, every
 * segment's hash and inline codes) and its targets become the task's draft through the desk's draft path.
 */
@ApplicationScoped
public class XliffService {

    private static final System.Logger LOG = System.getLogger(XliffService.class.getName());

    @Inject
    TaskService tasks;

    @Inject
    ClaimService claims;

    @Inject
    TranslationEditions editions;

    @Inject
    @Any
    Instance<TargetSeeds> seedSources;

    @Inject
    DraftSeeds draft;

    /** The task as XLIFF, for its claim holder, a reviewer of its language, or an editor (403 for others). */
    public byte[] export(Caller caller, UUID id, XliffVersion version) {
        TaskView task = tasks.get(caller, id);
        if (!mayExport(caller, task)) {
            throw new Forbidden("Only the task's claim holder, a reviewer of " + task.language() + " or an editor"
                    + " exports it");
        }
        Segmentation cut = cut(task);
        List<Segment> segments = cut.segments();
        XliffWriter.Header header = new XliffWriter.Header(task.id().toString(), task.articleId().toString(),
                task.sourceRevision(), task.source().language(), task.language());
        return XliffWriter.write(version, header, segments, seeds(task, segments));
    }

    /**
     * The claim holder's translated file becomes the task's draft (If-Match is not needed: the file names the
     * source revision and segments it was made from). 400 for a file that is not XLIFF, 422 naming each
     * segment that does not fit the task, 409 with the source diff when the file was made from an older
     * source revision, and the desk's own 409 when the caller does not hold the task.
     */
    @InTransaction
    public XliffImport importFile(Caller caller, UUID id, byte[] bytes) {
        XliffFile file = XliffReader.read(requireBody(bytes));
        return apply(caller, tasks.get(caller, id), file);
    }

    XliffImport apply(Caller caller, TaskView task, XliffFile file) {
        checkTask(task, file);
        Segmentation cut = cut(task);
        Map<String, Segment> expected = new LinkedHashMap<>();
        cut.segments().forEach(segment -> expected.put(segment.id(), segment));
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<Part>> translated = new HashMap<>();
        List<String> untranslated = new ArrayList<>();
        Map<String, XliffFile.Unit> seen = new HashMap<>();
        Map<String, String> machine = machineTexts(task);
        List<Segment> machineText = new ArrayList<>();
        for (XliffFile.Unit unit : file.units()) {
            Segment segment = expected.get(unit.id());
            if (segment == null) {
                errors.add(new FieldError(unit.id(), "the task's source has no such segment"));
            } else if (seen.put(unit.id(), unit) != null) {
                errors.add(new FieldError(unit.id(), "the segment appears twice in the file"));
            } else if (!segment.hash().equals(unit.hash())) {
                errors.add(new FieldError(unit.id(), unit.hash() == null ? "the unit lost its nd:hash attribute"
                        : "nd:hash does not match the source segment: the file was altered or made for another text"));
            } else if (!segment.hash().equals(Segment.hash(unit.source()))) {
                errors.add(new FieldError(unit.id(), "the source text was changed in the file"));
            } else {
                List<String> codeErrors = InlineCodes.check(segment, unit.target());
                codeErrors.forEach(message -> errors.add(new FieldError(unit.id(), message)));
                if (codeErrors.isEmpty() && isTranslated(segment, unit.target())
                        && !isMachineOutput(machine.get(unit.id()), unit.target())) {
                    translated.put(unit.id(), unit.target());
                } else if (codeErrors.isEmpty() && isTranslated(segment, unit.target()) && !segment.codes().isEmpty()) {
                    machineText.add(segment); // the machine's words: unedited only if its codes sit where the seed had them
                } else if (codeErrors.isEmpty()) {
                    untranslated.add(unit.id());
                }
            }
        }
        expected.keySet().stream().filter(segmentId -> !seen.containsKey(segmentId))
                .forEach(segmentId -> errors.add(new FieldError(segmentId, "the segment is missing from the file")));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!machineText.isEmpty()) {
            Map<String, Seed> seeded = seeds(task, machineText);
            for (Segment segment : machineText) {
                Seed seed = seeded.get(segment.id());
                List<Part> target = seen.get(segment.id()).target();
                if (seed.origin() == Seed.Origin.MACHINE
                        && Segment.canonical(seed.content()).equals(Segment.canonical(target))) {
                    untranslated.add(segment.id());
                } else {
                    translated.put(segment.id(), target);
                }
            }
        }
        Map<String, List<Part>> targets = new HashMap<>();
        Map<String, Seed> drafted = draft.seeds(task, cut.segments());
        untranslated.stream().filter(drafted::containsKey)
                .forEach(segmentId -> targets.put(segmentId, drafted.get(segmentId).content()));
        targets.putAll(translated);
        Segmentation.Rebuilt text = cut.rebuild(targets);
        checkSizes(text);
        TaskView saved = claims.saveDraft(caller, task.id(), task.version(),
                new TranslationWork(text.title(), text.summary(), text.body()));
        return new XliffImport(task.id(), expected.size(), translated.size(), List.copyOf(untranslated), saved);
    }

    static byte[] requireBody(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw Invalid.field("body", "send the file as the request body");
        }
        return bytes;
    }

    /** The file must be this task's, made from the revision the task translates (older: 409 with the diff). */
    private void checkTask(TaskView task, XliffFile file) {
        if (file.taskId() == null) {
            throw Invalid.field("file", "the file has no nd:task attribute: it is not a Newsdesk export, or it lost it");
        }
        if (!file.taskId().equals(task.id().toString())) {
            throw Invalid.field("file", "the file belongs to task " + file.taskId() + ", not to task " + task.id());
        }
        String given = file.sourceRevision();
        if (given == null || !given.matches("[1-9][0-9]{0,8}") || Integer.parseInt(given) > task.sourceRevision()) {
            throw Invalid.field("file", "nd:source-revision " + given + " is not a source revision this task was"
                    + " exported from");
        }
        int revision = Integer.parseInt(given);
        if (revision < task.sourceRevision()) {
            throw new StaleSource(task.id().toString(), revision, task.sourceRevision(),
                    editions.sourceDiff(task.articleId(), revision, task.sourceRevision()));
        }
    }

    private static void checkSizes(Segmentation.Rebuilt text) {
        List<FieldError> errors = new ArrayList<>();
        if (text.title().isBlank()) {
            errors.add(new FieldError("title", "the title's segments are empty"));
        }
        if (text.title().length() > 300) {
            errors.add(new FieldError("title", "the translated title is longer than 300 characters"));
        }
        if (text.summary().length() > 2000) {
            errors.add(new FieldError("summary", "the translated summary is longer than 2000 characters"));
        }
        if (text.body().length() > 500_000) {
            errors.add(new FieldError("body", "the translated body is longer than 500000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
    }

    /** A target that is missing, empty or equal to its source (what a CAT tool leaves) is untranslated. */
    private static boolean isTranslated(Segment segment, List<Part> target) {
        return target != null && !Segment.canonical(target).isEmpty()
                && !Segment.canonical(target).equals(Segment.canonical(segment.content()));
    }

    /** The task's machine suggestions by segment id. */
    private static Map<String, String> machineTexts(TaskView task) {
        Map<String, String> texts = new HashMap<>();
        if (task.machine() != null) {
            task.machine().stream().filter(suggestion -> suggestion.text() != null)
                    .forEach(suggestion -> texts.put(suggestion.segment(), suggestion.text()));
        }
        return texts;
    }

    /**
     * A machine pre-fill left as it was is not the translator's work: it stays untranslated until edited. The
     * view's suggestion is plain text, so this compares words only; a target with codes and the machine's
     * words is then compared with the machine seed itself, codes included.
     */
    private static boolean isMachineOutput(String machineText, List<Part> target) {
        return machineText != null && Segment.canonical(List.of(new Part.Text(machineText)))
                .equals(Segment.canonical(List.of(new Part.Text(Segment.plain(target)))));
    }

    private static boolean mayExport(Caller caller, TaskView task) {
        return caller.has(Role.EDITOR) || caller.has(Role.ADMIN)
                || caller.has(Role.REVIEWER) && caller.languages().contains(task.language())
                || caller.accountId().equals(task.holderId()) && task.state() == newsdesk.workflow.TaskState.CLAIMED;
    }

    private static Segmentation cut(TaskView task) {
        return Segmentation.of(task.source().language(), task.source().title(), task.source().summary(),
                task.source().body());
    }

    /** Per segment the best proposal (earliest origin, then highest score), else a copy of the source. */
    private Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        Map<String, Seed> best = new HashMap<>();
        Comparator<Seed> better = Comparator.comparing(Seed::origin)
                .thenComparing(seed -> seed.score() == null ? 0 : -seed.score());
        for (TargetSeeds source : seedSources) {
            Map<String, Seed> proposed;
            try {
                proposed = source.seeds(task, segments);
            } catch (RuntimeException e) {
                // A failing proposer (an engine down) leaves its segments to the others; the export goes on.
                LOG.log(System.Logger.Level.WARNING, "target seeds from " + source.getClass().getName() + " failed", e);
                continue;
            }
            proposed.forEach((segmentId, seed) -> best.merge(segmentId, seed,
                    (a, b) -> better.compare(a, b) <= 0 ? a : b));
        }
        Map<String, Seed> targets = new LinkedHashMap<>();
        for (Segment segment : segments) {
            targets.put(segment.id(), best.getOrDefault(segment.id(),
                    new Seed(Seed.Origin.SOURCE, null, segment.content())));
        }
        return targets;
    }
}
