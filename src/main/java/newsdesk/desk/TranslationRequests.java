package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.article.EditionSummary;
import newsdesk.article.SourceCorrected;
import newsdesk.article.StoryKilled;
import newsdesk.article.TranslationEditions;
import newsdesk.language.LanguageService;
import newsdesk.platform.Idempotency;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.workflow.TaskAction;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Where tasks come from and go: an editor's request for translations, the UPDATE tasks a major
 * correction of a published source opens, and calling off the work on a killed story.
 */
@ApplicationScoped
public class TranslationRequests {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskViews views;

    @Inject
    TaskTransitions transitions;

    @Inject
    Idempotency idempotency;

    @Inject
    TranslationEditions editions;

    @Inject
    LanguageService siteLanguages;

    @Inject
    Clock clock;

    /**
     * Opens one task per requested language (editors), pinned to the source's current revision, and the
     * translation editions in TRANSLATION. 422 for the source language or a language the site does not
     * publish in; 409 when the language already has an edition or an open task. All or nothing. With an
     * Idempotency-Key, a replay answers with the tasks the first request opened and opens none.
     */
    @InTransaction
    public Requested request(Caller editor, UUID articleId, RequestTranslations request, String idempotencyKey) {
        Idempotency.Outcome outcome = idempotency.create(editor.accountId(), "translations", idempotencyKey,
                new Keyed(articleId, request), () -> open(editor, articleId, request));
        List<String> asked = request.languages().stream().map(String::strip).toList();
        List<TaskView> opened = tasks.ofRequest(outcome.resourceId()).stream()
                .sorted(Comparator.comparingInt(task -> asked.indexOf(task.language()))).map(views::full).toList();
        return new Requested(opened, outcome.replayed());
    }

    /** The tasks a request opened, and whether an earlier request with the same Idempotency-Key opened them. */
    public record Requested(List<TaskView> tasks, boolean replayed) {
    }

    /** What an Idempotency-Key stands for: the same languages (and so on) for the same story (public for JSON-B). */
    public record Keyed(UUID articleId, RequestTranslations request) {
    }

    private UUID open(Caller editor, UUID articleId, RequestTranslations request) {
        TranslationEditions.Source source = editions.source(articleId);
        List<String> languagesAsked = request.languages().stream().map(String::strip).distinct().toList();
        for (String language : languagesAsked) {
            if (language.equals(source.language())) {
                throw Invalid.field("languages", language + " is the source language");
            }
            if (!siteLanguages.isEnabled(language)) {
                throw Invalid.field("languages", language + " is not an enabled site language");
            }
        }
        Instant now = clock.instant();
        UUID requestId = UUID.randomUUID();
        for (String language : languagesAsked) {
            editions.open(editor.accountId(), articleId, language, source.currentRevision());
            tasks.insert(new TaskRepository.NewTask(articleId, language, TaskKind.TRANSLATE, source.currentRevision(),
                    null, request.priority() == null ? 0 : request.priority(), request.dueAt(),
                    request.note() == null ? null : request.note().strip(), editor.accountId(), requestId), now);
        }
        return requestId;
    }

    /**
     * After a major correction of a published source: every published translation becomes outdated and
     * gets an UPDATE task pinned to the corrected revision (unless one is already open), with the diff
     * from the source revision it was made from. Runs inside the correcting transaction.
     */
    void onSourceCorrected(@Observes SourceCorrected correction) {
        if (!correction.major()) {
            return;
        }
        List<String> published = editions.publishedTranslations(correction.articleId());
        editions.markOutdated(correction.articleId(), published);
        Instant now = clock.instant();
        for (String language : published) {
            if (!tasks.hasLiveTask(correction.articleId(), language)) {
                Integer base = editions.edition(correction.articleId(), language)
                        .map(EditionSummary::sourceRevision).orElse(null);
                tasks.insert(new TaskRepository.NewTask(correction.articleId(), language, TaskKind.UPDATE,
                        correction.revision(), base, 0, null, "The source had a major correction", correction.actorId(),
                        null), now);
            }
        }
    }

    /** A killed story needs no more translating: its live tasks are called off (inside the kill's transaction). */
    void onStoryKilled(@Observes StoryKilled kill) {
        // The kill holds the story's editions already; the task rows come second, as everywhere.
        for (Task task : tasks.lockLive(kill.articleId())) {
            if (task.kind() == TaskKind.TRANSLATE) {
                editions.discard(kill.actorId(), task.articleId(), task.language());
            }
            transitions.apply(task, TaskAction.CANCEL, TaskSelection.asRead(task), TaskChange.nobodyHolds(),
                    kill.actorId(), "the story was killed");
        }
    }
}
