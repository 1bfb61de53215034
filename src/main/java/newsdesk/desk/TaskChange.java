package newsdesk.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a task transition changes besides the state: holder and lease, draft, submission, pinned source. */
record TaskChange(Holder holder, UUID holderId, Instant leaseUntil, TranslationWork work, Integer submittedRevision,
                  Integer sourceRevision) {

    enum Holder {
        /** Holder and lease stay as they are. */
        KEEP,
        /** The same holder, a longer lease. */
        RENEW,
        /** A new claim: this holder, a fresh lease (counted, so the former holder's requests are stale). */
        NEW_CLAIM,
        /** Nobody holds it. */
        NONE
    }

    static TaskChange nothing() {
        return new TaskChange(Holder.KEEP, null, null, null, null, null);
    }

    static TaskChange claimBy(UUID holderId, Instant leaseUntil) {
        return new TaskChange(Holder.NEW_CLAIM, holderId, leaseUntil, null, null, null);
    }

    static TaskChange renewUntil(Instant leaseUntil) {
        return new TaskChange(Holder.RENEW, null, leaseUntil, null, null, null);
    }

    static TaskChange nobodyHolds() {
        return new TaskChange(Holder.NONE, null, null, null, null, null);
    }

    /** The holder's text becomes the draft and the submitted revision; the holder becomes the submitter. */
    static TaskChange submission(TranslationWork work, int revision) {
        return new TaskChange(Holder.KEEP, null, null, work, revision, null);
    }

    static TaskChange pinnedTo(int sourceRevision) {
        return new TaskChange(Holder.KEEP, null, null, null, null, sourceRevision);
    }

    void appendSets(StringBuilder sql, List<Object> params, Instant now) {
        switch (holder) {
            case KEEP -> { }
            case RENEW -> {
                sql.append(", lease_expires_at = ?");
                params.add(leaseUntil);
            }
            case NEW_CLAIM -> {
                sql.append(", holder_id = ?, lease_expires_at = ?, lease_count = t.lease_count + 1");
                params.add(holderId);
                params.add(leaseUntil);
            }
            case NONE -> sql.append(", holder_id = NULL, lease_expires_at = NULL");
        }
        if (work != null) {
            sql.append(", draft_title = ?, draft_summary = ?, draft_body = ?, draft_saved_at = ?");
            params.addAll(List.of(work.title(), work.summary(), work.body(), now));
        }
        if (submittedRevision != null) {
            sql.append(", submitted_by = t.holder_id, submitted_revision = ?");
            params.add(submittedRevision);
        }
        if (sourceRevision != null) {
            sql.append(", source_revision = ?");
            params.add(sourceRevision);
        }
    }
}
