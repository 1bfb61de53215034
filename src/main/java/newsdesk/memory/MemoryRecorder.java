package newsdesk.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.article.TranslationApproved;
import newsdesk.platform.Jdbc;

/**
 * Remembers an approved translation once the approval has committed, in a transaction of its own: an
 * approval never fails or waits on a lock because of the memory, and a failure here is only logged
 * (the pairs come back with the next approval of the text).
 */
@ApplicationScoped
public class MemoryRecorder {

    private static final System.Logger LOG = System.getLogger(MemoryRecorder.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    MemoryService memory;

    void onApproved(@Observes TranslationApproved approved) {
        jdbc.afterCommit(() -> {
            try {
                memory.remember(approved);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "translation memory: the approved " + approved.language()
                        + " translation of article " + approved.articleId() + " was not remembered", e);
            }
        });
    }
}
