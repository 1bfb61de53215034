package newsdesk.desk;

import newsdesk.platform.SortKey;

import java.util.List;

/** The sort key of the task queue as a cursor string: priority, due time, creation time, id. */
final class TaskCursor {

    private TaskCursor() {
    }

    static String encode(Task task) {
        return task.priority() + "|" + (task.dueAt() == null ? "" : task.dueAt()) + "|" + task.createdAt() + "|" + task.id();
    }

    static TaskRepository.Position decode(String cursor) {
        List<String> parts = SortKey.parts(cursor, 4);
        return new TaskRepository.Position(SortKey.number(parts.get(0)),
                parts.get(1).isEmpty() ? null : SortKey.instant(parts.get(1)), SortKey.instant(parts.get(2)),
                SortKey.id(parts.get(3)));
    }
}
