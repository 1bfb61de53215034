package newsdesk.xliff;

import java.util.List;

/**
 * A piece of segment content: text, or an inline code standing for source markup. A paired code (a link,
 * emphasis) wraps content; a standalone one (a line break, an image) has none. Ids are unique in a segment.
 */
public sealed interface Part {

    record Text(String text) implements Part {
    }

    record Paired(int id, List<Part> content) implements Part {
    }

    record Standalone(int id) implements Part {
    }
}
