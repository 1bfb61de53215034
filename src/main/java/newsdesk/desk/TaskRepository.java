package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;
import newsdesk.workflow.TaskState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Translation tasks in PostgreSQL, a work queue: every state change is one guarded statement (state,
 * holder, lease counter, lease time) whose row count is checked, and claiming skips locked rows.
 */
@ApplicationScoped
public class TaskRepository {

    private static final String COLUMNS = """
            t.id, t.article_id, t.language, t.kind, t.state, t.source_revision, t.base_revision, t.priority, t.due_at,
            t.note, t.holder_id, h.username AS holder, t.lease_expires_at, t.lease_count, t.submitted_by,
            t.submitted_revision, t.draft_title, t.draft_summary, t.draft_body, t.draft_saved_at, t.created_by,
            t.created_at, t.updated_at, t.version""";
    private static final String FROM = " FROM tasks t LEFT JOIN accounts h ON h.id = t.holder_id";
    /** The queue order as one ascending key: priority first, then due time (none last), then age. */
    private static final String QUEUE_KEY = "(-t.priority, coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id)";

    @Inject
    Jdbc jdbc;

    /** The filters of GET /api/tasks; null means any. {@code languages} limits what the caller may see. */
    record Filter(TaskState state, String language, UUID holder, Collection<String> languages) {
    }

    /** The position in the queue order after which a page starts. */
    record Position(int priority, Instant dueAt, Instant createdAt, UUID id) {
    }

    /** A task to open: where it comes from (the request that asked for it, if any) and what it translates. */
    record NewTask(UUID articleId, String language, TaskKind kind, int sourceRevision, Integer baseRevision,
                   int priority, Instant dueAt, String note, UUID createdBy, UUID requestId) {
    }

    /** Opens a task in the queue; 409 when the language already has a live one. */
    UUID insert(NewTask task, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.updateOrDuplicate("A " + task.language() + " task for this article is already open", """
                INSERT INTO tasks (id, article_id, language, kind, state, source_revision, base_revision, priority,
                                   due_at, note, created_by, request_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, task.articleId(), task.language(), task.kind(), task.sourceRevision(), task.baseRevision(),
                task.priority(), task.dueAt(), task.note(), task.createdBy(), task.requestId(), now, now);
        return id;
    }

    Optional<Task> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + FROM + " WHERE t.id = ?", TaskRepository::task, id);
    }

    /** Puts an editor's correction of a published translation in the review queue, written by the editor. */
    void insertCorrection(UUID articleId, String language, int sourceRevision, int revision, int lastReviewed,
                          UUID editorId, String note, Instant now) {
        jdbc.updateOrDuplicate("A correction of this " + language + " translation is already waiting for review", """
                INSERT INTO tasks (id, article_id, language, kind, state, source_revision, base_revision, note,
                                   submitted_by, submitted_revision, created_by, created_at, updated_at)
                VALUES (?, ?, ?, 'CORRECTION', 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), articleId, language, sourceRevision, lastReviewed, note, editorId, revision, editorId,
                now, now);
    }

    /** The correction of this translation still waiting for review, if any. */
    Optional<Task> liveCorrection(UUID articleId, String language) {
        return jdbc.one("SELECT " + COLUMNS + FROM + " WHERE t.article_id = ? AND t.language = ? AND t.kind = 'CORRECTION'"
                + " AND t.state IN ('OPEN', 'CLAIMED', 'SUBMITTED')", TaskRepository::task, articleId, language);
    }

    /** The tasks one translation request opened. */
    List<Task> ofRequest(UUID requestId) {
        return jdbc.list("SELECT " + COLUMNS + FROM + " WHERE t.request_id = ?",
                TaskRepository::task, requestId);
    }

    boolean hasLiveTask(UUID articleId, String language) {
        return jdbc.one("""
                SELECT EXISTS (SELECT 1 FROM tasks WHERE article_id = ? AND language = ? AND kind <> 'CORRECTION'
                                  AND state IN ('OPEN', 'CLAIMED', 'SUBMITTED'))""",
                row -> row.getBoolean(1), articleId, language).orElse(false);
    }

    /** The article's live tasks, row-locked for the rest of the transaction. */
    List<Task> lockLive(UUID articleId) {
        return jdbc.list("SELECT " + COLUMNS + FROM
                + " WHERE t.article_id = ? AND t.state IN ('OPEN', 'CLAIMED', 'SUBMITTED') ORDER BY t.id FOR UPDATE OF t",
                TaskRepository::task, articleId);
    }

    List<Task> ofArticle(UUID articleId) {
        return jdbc.list("SELECT " + COLUMNS + FROM + " WHERE t.article_id = ? ORDER BY t.created_at",
                TaskRepository::task, articleId);
    }

    List<Task> list(Filter filter, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND t.state = ?");
            params.add(filter.state());
        }
        if (filter.language() != null) {
            sql.append(" AND t.language = ?");
            params.add(filter.language());
        }
        if (filter.holder() != null) {
            sql.append(" AND t.holder_id = ?");
            params.add(filter.holder());
        }
        if (filter.languages() != null) {
            sql.append(" AND t.language = ANY (?)");
            params.add(filter.languages());
        }
        if (after != null) {
            sql.append(" AND " + QUEUE_KEY + " > (?, coalesce(?, 'infinity'::timestamptz), ?, ?)");
            params.add(-after.priority());
            params.add(after.dueAt());
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY " + QUEUE_KEY + " LIMIT ?");
        params.add(limit + 1);
        return jdbc.list(sql.toString(), TaskRepository::task, params.toArray());
    }

    /**
     * The one guarded statement behind every task transition: moves the rows {@code which} picks that are
     * still in {@code from} to {@code to}, setting what {@code change} says, and returns them as they are now,
     * each with the holder it had before. Empty when no row qualified any more (the caller decides if that is
     * a conflict). Candidates are picked and locked first, guards are re-checked on the locked row.
     */
    List<Moved> move(TaskSelection which, TaskState from, TaskState to, TaskChange change, Instant now) {
        // The candidates are a materialized CTE so they are picked (and locked) exactly once, whatever the plan.
        List<Object> params = new ArrayList<>(which.candidateParams(from));
        StringBuilder sql = new StringBuilder("WITH before AS MATERIALIZED (").append(which.candidates())
                .append("), moved AS (UPDATE tasks t SET state = ?, version = t.version + 1, updated_at = ?");
        params.add(to);
        params.add(now);
        change.appendSets(sql, params, now);
        sql.append(" FROM before WHERE t.id = before.id AND t.state = ?");
        params.add(from);
        sql.append(which.guards());
        params.addAll(which.guardParams());
        sql.append(" RETURNING t.*, before.holder_id AS former_holder_id) SELECT ").append(COLUMNS)
                .append(", t.former_holder_id FROM moved t LEFT JOIN accounts h ON h.id = t.holder_id ORDER BY t.id");
        return jdbc.list(sql.toString(), row -> new Moved(task(row), Jdbc.uuid(row, "former_holder_id")), params.toArray());
    }

    /** A task as a transition left it, and who held it before. */
    record Moved(Task task, UUID formerHolder) {
    }

    /** Saves the draft if the holder still holds the task and it is still at the version they read. */
    boolean saveDraft(Task task, TranslationWork work, long expectedVersion, Instant now) {
        return jdbc.update("""
                UPDATE tasks SET draft_title = ?, draft_summary = ?, draft_body = ?, draft_saved_at = ?,
                                 version = version + 1, updated_at = ?
                 WHERE id = ? AND state = 'CLAIMED' AND holder_id = ? AND lease_count = ? AND lease_expires_at > ?
                   AND version = ?""",
                work.title(), work.summary(), work.body(), now, now,
                task.id(), task.holderId(), task.leaseCount(), now, expectedVersion) == 1;
    }

    /** What claim-next asks of the queue; the states come from TaskWorkflow, the audit slugs from the caller. */
    record ClaimNextQuery(UUID translatorId, List<String> languages, int maxClaims, Instant now, Instant leaseUntil,
                          TaskState open, TaskState lapsed, TaskState claimed, TaskState reclaimed, String claimAudit,
                          String expiryAudit) {
    }

    /**
     * The outcome of claim-next: the translator's live claims before it ({@code held}), and the task it claimed
     * with what its view needs, if any. {@code formerHolder} is set when the task was a lapsed claim;
     * {@code glossaryGeneration} is the language pair's (V24), null when the pair never had a term.
     */
    record ClaimedNext(int held, Task task, UUID formerHolder, int currentSourceRevision, SourceText source,
                       boolean hasComments, Long glossaryGeneration) {
    }

    /**
     * claim-next in one statement, one round trip: locks the translator's account row (their claims queue
     * behind each other, across instances; see V17 for why the count is a volatile function), counts their
     * live claims, and if they are under the cap claims the best task from {@code source} in their languages
     * (the open queue, or else lapsed claims: {@link ClaimSource}), skipping rows others hold; writes the audit
     * events (a lapsed lease's expiry, then the claim) and returns the claimed task with its pinned source text.
     * Empty only for an unknown account.
     * <p>
     * The states and audit slugs are written into the SQL as literals (the workflow's enum constants, so the
     * text is the same on every call): PostgreSQL can then prove the partial indexes' predicates
     * ({@code state = 'OPEN'}) once and keep one generic plan per connection. With them as parameters it
     * planned the statement afresh on every claim, which cost more than running it. bench/ClaimBench.java runs
     * a copy of this statement with literal values under pgbench: change both together.
     */
    Optional<ClaimedNext> claimNext(ClaimNextQuery q, ClaimSource source) {
        // One language (the usual request) is an equality, so the queue index gives the order and the scan stops
        // at the first row it can lock; = ANY needs every matching row sorted first.
        boolean one = q.languages().size() == 1;
        Object languages = one ? q.languages().get(0) : q.languages();
        String candidates = switch (source) {
            case OPEN_QUEUE -> "t.state = '%1$s'".formatted(q.open().name());
            case LAPSED_LEASES -> "t.state = '%1$s' AND t.lease_expires_at <= ?".formatted(q.lapsed().name());
        };
        String sql = """
                WITH me AS MATERIALIZED (
                         SELECT id, username FROM accounts WHERE id = ? FOR NO KEY UPDATE),
                     room AS MATERIALIZED (
                         SELECT id, username, live_claims(id, ?) AS held FROM me),
                     picked AS MATERIALIZED (
                         SELECT t.id, t.holder_id, t.state FROM tasks t
                          WHERE %1$s AND t.language %2$s
                            AND EXISTS (SELECT 1 FROM room WHERE room.held < ?)
                          ORDER BY t.priority DESC, t.due_at ASC NULLS LAST, t.created_at, t.id
                          LIMIT 1 FOR UPDATE SKIP LOCKED),
                     claimed AS (
                         UPDATE tasks t SET state = CASE WHEN p.state = '%3$s' THEN '%4$s' ELSE '%5$s' END,
                                            holder_id = room.id, lease_expires_at = ?,
                                            lease_count = t.lease_count + 1, version = t.version + 1, updated_at = ?
                           FROM picked p, room
                          WHERE t.id = p.id AND t.state = p.state
                            AND (t.state = '%3$s' OR t.lease_expires_at <= ?)
                          RETURNING t.*, p.holder_id AS former_holder_id, p.state AS former_state),
                     audit AS (
                         INSERT INTO events (article_id, language, actor_id, action, detail, created_at)
                         SELECT c.article_id, c.language, e.actor_id, e.action, e.detail, ?
                           FROM claimed c CROSS JOIN LATERAL (VALUES
                                (1, NULL::uuid, '%6$s', 'held by ' || c.former_holder_id),
                                (2, c.holder_id, '%7$s', 'task ' || c.id)) AS e (n, actor_id, action, detail)
                          WHERE e.n = 2 OR c.former_state = '%8$s'
                          ORDER BY c.id, e.n)
                SELECT room.held, room.username AS holder, c.*, s.language AS source_language,
                       s.current_revision AS current_source_revision, r.title AS source_title,
                       r.summary AS source_summary, r.body AS source_body,
                       EXISTS (SELECT 1 FROM task_comments tc WHERE tc.task_id = c.id) AS has_comments,
                       (SELECT g.generation FROM glossary_pairs g
                         WHERE g.source_language = s.language AND g.target_language = c.language) AS glossary_generation
                  FROM room
                  LEFT JOIN claimed c ON true
                  LEFT JOIN editions s ON s.article_id = c.article_id AND s.is_source
                  LEFT JOIN revisions r ON r.article_id = c.article_id AND r.language = s.language
                                       AND r.number = c.source_revision""".formatted(candidates,
                one ? "= ?" : "= ANY (?)", q.open().name(), q.claimed().name(), q.reclaimed().name(),
                q.expiryAudit(), q.claimAudit(), q.lapsed().name());
        List<Object> params = new ArrayList<>(List.of(q.translatorId(), q.now()));
        if (source == ClaimSource.LAPSED_LEASES) {
            params.add(q.now());
        }
        params.addAll(List.of(languages, q.maxClaims(), q.leaseUntil(), q.now(), q.now(), q.now()));
        return jdbc.one(sql,
                row -> {
                    int held = row.getInt("held");
                    if (row.getObject("id") == null) {
                        return new ClaimedNext(held, null, null, 0, null, false, null);
                    }
                    Task task = task(row);
                    SourceText text = new SourceText(row.getString("source_language"), task.sourceRevision(),
                            row.getString("source_title"), row.getString("source_summary"), row.getString("source_body"));
                    return new ClaimedNext(held, task, Jdbc.uuid(row, "former_holder_id"),
                            row.getInt("current_source_revision"), text, row.getBoolean("has_comments"),
                            (Long) row.getObject("glossary_generation"));
                },
                params.toArray());
    }

    /** Where claim-next looks: the open queue first; lapsed claims only when it has nothing for the translator. */
    enum ClaimSource {
        OPEN_QUEUE, LAPSED_LEASES
    }

    /** Live claims this account holds at {@code now}. */
    int activeClaims(UUID holder, Instant now) {
        return jdbc.one("SELECT count(*) FROM tasks WHERE state = 'CLAIMED' AND holder_id = ? AND lease_expires_at > ?",
                row -> row.getInt(1), holder, now).orElse(0);
    }

    /**
     * Serializes one translator's claims across instances, so the per-translator limit holds under races: the
     * same account row lock claim-next takes inside its statement.
     */
    void lockClaimsOf(UUID holder) {
        jdbc.list("SELECT 1 FROM accounts WHERE id = ? FOR NO KEY UPDATE", row -> 1, holder);
    }

    void comment(UUID taskId, UUID authorId, String verdict, String body, Integer block, Instant now) {
        jdbc.update("INSERT INTO task_comments (task_id, author_id, verdict, body, block, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                taskId, authorId, verdict, body, block, now);
    }

    List<TaskComment> comments(UUID taskId) {
        return jdbc.list("""
                SELECT c.id, c.author_id, a.username, c.verdict, c.body, c.created_at, c.block
                  FROM task_comments c JOIN accounts a ON a.id = c.author_id
                 WHERE c.task_id = ? ORDER BY c.id""",
                row -> new TaskComment(row.getLong("id"), Jdbc.uuid(row, "author_id"), row.getString("username"),
                        row.getString("verdict"), row.getString("body"), Jdbc.instant(row, "created_at"),
                        (Integer) row.getObject("block")),
                taskId);
    }

    private static Task task(ResultSet row) throws SQLException {
        Draft draft = row.getString("draft_title") == null && row.getString("draft_body") == null ? null
                : new Draft(row.getString("draft_title"), row.getString("draft_summary"), row.getString("draft_body"),
                Jdbc.instant(row, "draft_saved_at"));
        return new Task(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "article_id"), row.getString("language"),
                TaskKind.valueOf(row.getString("kind")), TaskState.valueOf(row.getString("state")),
                row.getInt("source_revision"), (Integer) row.getObject("base_revision"), row.getInt("priority"),
                Jdbc.instant(row, "due_at"), row.getString("note"), Jdbc.uuid(row, "holder_id"), row.getString("holder"),
                Jdbc.instant(row, "lease_expires_at"), row.getInt("lease_count"), Jdbc.uuid(row, "submitted_by"),
                (Integer) row.getObject("submitted_revision"), draft, Jdbc.uuid(row, "created_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getLong("version"));
    }
}
