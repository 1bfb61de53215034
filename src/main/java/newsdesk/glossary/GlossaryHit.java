package newsdesk.glossary;

import java.util.UUID;

/**
 * One place where the glossary speaks: {@code kind} is {@code forbidden} (the target uses a form it must
 * not: {@code found} is that text), {@code missing} (the source has the term, the target field none of
 * its preferred forms; {@code offset} points at the term in the source field) or, in a task view,
 * {@code term} (the source uses a glossary term). {@code field} is title, summary or body; {@code offset}
 * counts Unicode code points in the field as stored (body: its sanitized HTML).
 */
public record GlossaryHit(String kind, UUID termId, String term, String found, String preferred, String field,
                          int offset, String message) {

    static final String FORBIDDEN = "forbidden";
    static final String MISSING = "missing";
    static final String TERM = "term";

    /** The key a reviewer's override names: the term and the form found (none for a missing term). */
    String overrideKey() {
        return termId + "|" + (found == null ? "" : WordForms.fold(found));
    }
}
