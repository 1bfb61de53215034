package newsdesk.xliff;

import java.util.List;

/**
 * A proposed target for one segment, marked with where it came from and, for memory and machine
 * proposals, a match score (0–100; null where a score means nothing, as for the draft).
 */
public record Seed(Origin origin, Integer score, List<Part> content) {

    /** Where a target came from; earlier origins win over later ones when several propose a target. */
    public enum Origin {
        /** the translator's own draft */
        DRAFT,
        /** translation memory */
        MEMORY,
        /** machine translation */
        MACHINE,
        /** nothing better: a copy of the source, untranslated */
        SOURCE
    }
}
