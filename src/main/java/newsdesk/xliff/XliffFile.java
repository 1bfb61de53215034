package newsdesk.xliff;

import java.util.List;

/**
 * What an XLIFF file says, as read: whose task and which source revision it was made from, and per unit
 * the source hash it carries, its source and its target (null when the unit has none).
 */
record XliffFile(XliffVersion version, String taskId, String sourceRevision, List<Unit> units) {

    record Unit(String id, String hash, List<Part> source, List<Part> target) {
    }
}
