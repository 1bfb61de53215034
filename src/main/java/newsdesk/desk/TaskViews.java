package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import newsdesk.article.Revision;
import newsdesk.article.TranslationEditions;
import newsdesk.glossary.GlossaryHit;
import newsdesk.glossary.GlossaryService;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskWorkflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds what the API shows of tasks: lists with sourceChanged, single tasks with the source text and comments. */
@ApplicationScoped
public class TaskViews {

    @Inject
    TaskRepository tasks;

    @Inject
    TranslationEditions editions;

    @Inject
    MachinePrefill machine;

    @Inject
    GlossaryService glossary;

    @Inject
    Instance<MemoryLookup> memory;

    private static final System.Logger LOG = System.getLogger(TaskViews.class.getName());

    List<TaskView> list(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<java.util.UUID, Integer> current = editions.currentSourceRevisions(
                page.stream().map(Task::articleId).distinct().toList());
        return page.stream().map(t -> view(t, current.getOrDefault(t.articleId(), t.sourceRevision()), null, null, null,
                null, null)).toList();
    }

    TaskView full(Task task) {
        TranslationEditions.Source source = editions.source(task.articleId());
        Revision pinned = editions.sourceRevision(task.articleId(), source, task.sourceRevision());
        SourceText text = new SourceText(source.language(), pinned.number(), pinned.title(), pinned.summary(),
                pinned.body());
        List<GlossaryHit> terms = glossary.inSource(source.language(), task.language(), pinned.title(), pinned.summary(),
                pinned.body());
        return view(task, source.currentRevision(), text, tasks.comments(task.id()),
                machine.suggestions(task.language(), text), terms, null);
    }

    /**
     * The full view of a task claim-next just claimed, from what its statement returned: reads only the review
     * comments and glossary terms, and only when the statement saw there are some.
     */
    TaskView claimed(TaskRepository.ClaimedNext claimed) {
        Task task = claimed.task();
        SourceText text = claimed.source();
        List<GlossaryHit> terms = claimed.glossaryGeneration() == null ? List.of() : glossary.inSource(text.language(),
                task.language(), claimed.glossaryGeneration(), text.title(), text.summary(), text.body());
        return view(task, claimed.currentSourceRevision(), text, claimed.hasComments() ? tasks.comments(task.id()) : List.of(),
                machine.suggestions(task.language(), text), terms, null);
    }

    /** The full view with translation-memory matches for its source (what GET /api/tasks/{id} shows). */
    TaskView withMatches(Task task) {
        TaskView full = full(task);
        return view(task, full.currentSourceRevision(), full.source(), full.comments(), full.machine(), full.glossary(),
                matches(task, full.source()));
    }

    /** Memory matches for the task's source; none when there is no memory or it fails (the view never does). */
    private List<SegmentMatches> matches(Task task, SourceText text) {
        if (!memory.isResolvable()) {
            return List.of();
        }
        try {
            return memory.get().matches(task.language(), text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "memory matches for task " + task.id() + " failed", e);
            return List.of();
        }
    }

    /** What the table allows from the task's state, as far as its kind offers it. */
    private static Set<TaskAction> offered(Task task) {
        return TaskWorkflow.allowed(task.state()).stream().filter(task.kind()::offers).collect(Collectors.toSet());
    }

    private static TaskView view(Task t, int currentSourceRevision, SourceText source, List<TaskComment> comments,
                                 List<MachineSuggestion> machine, List<GlossaryHit> glossary,
                                 List<SegmentMatches> matches) {
        return new TaskView(t.id(), t.articleId(), t.language(), t.kind(), t.state(), t.sourceRevision(), t.baseRevision(),
                currentSourceRevision, currentSourceRevision > t.sourceRevision(), t.priority(), t.dueAt(), t.note(),
                t.holderId(), t.holder(), t.leaseExpiresAt(), t.submittedBy(), t.submittedRevision(), t.draft(), source,
                comments, TaskTransitions.slugs(offered(t)), t.createdAt(), t.updatedAt(), t.version(), machine, glossary,
                matches);
    }
}
