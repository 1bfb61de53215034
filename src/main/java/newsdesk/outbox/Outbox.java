package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Jdbc;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records publication changes (inside the caller's transaction) and relays them after commit. */
@ApplicationScoped
public class Outbox {

    private static final int BATCH = 100;

    @Inject
    OutboxRepository outbox;

    @Inject
    Event<PublicationChanged> changes;

    @Inject
    Event<ReadersChanged> readers;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /** Call inside the transaction that makes the change: the row commits or rolls back with it. */
    public void publicationChanged(String topic, UUID articleId, String language) {
        Set<String> affected = new HashSet<>(outbox.append(topic, articleId, language, clock.instant()));
        affected.add(language);
        ReadersChanged changed = new ReadersChanged(affected, false);
        // This instance's caches at once (a publish that returned is in its next feed); others hear the relay.
        jdbc.afterCommit(() -> readers.fire(changed));
    }

    /**
     * {@link #publicationChanged} written by the caller's own statement (a round trip saved): the caller puts
     * {@link Row#ctes} and {@link Row#languagesColumn} into it with their parameters, and hands the column's
     * value to {@link Row#written} once the statement has run.
     */
    public Row row(String topic, UUID articleId, String language) {
        return new Row(List.of(topic, articleId, language, clock.instant()), articleId, language);
    }

    /** An outbox row another statement writes; see {@link #row}. */
    public final class Row {

        private final List<Object> params;
        private final UUID articleId;
        private final String language;

        private Row(List<Object> params, UUID articleId, String language) {
            this.params = params;
            this.articleId = articleId;
            this.language = language;
        }

        /** The CTEs that append the row and bump the version, only if the CTE named {@code guard} returned a row. */
        public String ctes(String guard) {
            return OutboxRepository.APPEND_CTES.formatted(guard);
        }

        public List<Object> cteParams() {
            return params;
        }

        /** Every language the article has a version in: a column of the statement's result. */
        public String languagesColumn() {
            return OutboxRepository.LANGUAGES_COLUMN;
        }

        public UUID languagesParam() {
            return articleId;
        }

        /** The statement wrote the row: this instance's caches hear of it after commit, as {@link #publicationChanged}. */
        public void written(List<String> languages) {
            Set<String> affected = new HashSet<>(languages);
            affected.add(language);
            ReadersChanged changed = new ReadersChanged(affected, false);
            jdbc.afterCommit(() -> readers.fire(changed));
        }
    }

    /** A change readers see that is not a publication (a site language renamed or disabled): caches refresh. */
    public void readersSeeChange() {
        outbox.bumpVersion();
        outbox.notifyReaders(ReadersChanged.all());
        jdbc.afterCommit(() -> readers.fire(ReadersChanged.all()));
    }

    /**
     * Hands one batch of committed changes to the observers of {@link PublicationChanged}, in order, and
     * marks them processed; returns how many. An observer that fails rolls the batch back for a retry.
     */
    @InTransaction
    public int relayBatch() {
        List<PublicationChanged> pending = outbox.lockPending(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        pending.forEach(changes::fire);
        // Delivered to every listening instance when this transaction commits, never if it rolls back.
        outbox.notifyReaders(new ReadersChanged(affected(pending.stream().map(PublicationChanged::articleId).toList(),
                pending.stream().map(PublicationChanged::language).toList()), false));
        outbox.markProcessed(pending.stream().map(PublicationChanged::sequence).toList(), clock.instant());
        return pending.size();
    }

    /**
     * The changed languages and every other language the articles are written in: a feed entry links its
     * sibling language versions, so publishing or withdrawing one version changes its siblings' feeds too.
     */
    private Set<String> affected(List<UUID> articles, java.util.Collection<String> languages) {
        Set<String> affected = new HashSet<>(languages);
        affected.addAll(outbox.languagesOf(articles));
        return affected;
    }
}
