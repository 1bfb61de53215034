package newsdesk.desk;

/**
 * A machine translation of one source segment, shown beside the source in a single task's view. It is a
 * suggestion only: it never enters the draft by itself and never counts as reviewed. {@code text} is set
 * when {@code status} is OK; FAILED and TIMEOUT carry the engine's reason in {@code detail}; PENDING means
 * the background pre-fill has not reached the segment yet.
 */
public record MachineSuggestion(String segment, String field, String engine, Status status, String text,
                                String detail, String origin) {

    public enum Status {
        OK, FAILED, TIMEOUT, PENDING
    }

    /** The same mark the XLIFF export writes (state-qualifier mt-suggestion). */
    public static final String ORIGIN = "machine";
}
