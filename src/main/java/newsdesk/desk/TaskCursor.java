package newsdesk.desk;

import newsdesk.platform.Invalid;

import java.time.Instant;
import java.util.UUID;

/** The sort key of the task queue as a cursor string: priority, due time, creation time, id. */
final class TaskCursor {

    private TaskCursor() {
    }

    static String encode(Task task) {
        return task.priority() + "|" + (task.dueAt() == null ? "" : task.dueAt()) + "|" + task.createdAt() + "|" + task.id();
    }

    static TaskRepository.Position decode(String cursor) {
        String[] parts = cursor.split("\\|", -1);
        try {
            return new TaskRepository.Position(Integer.parseInt(parts[0]),
                    parts[1].isEmpty() ? null : Instant.parse(parts[1]), Instant.parse(parts[2]), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw Invalid.field("cursor", "is not a cursor this server returned");
        }
    }
}
