package newsdesk.xliff;

import newsdesk.desk.TaskView;

import java.util.List;
import java.util.UUID;

/**
 * What an XLIFF upload did: the task and its draft as now saved, how many segments the file had, how many
 * came back translated, and which came back equal to their source (untranslated: the draft keeps what it
 * had there, else the source).
 */
public record XliffImport(UUID taskId, int segments, int translated, List<String> untranslated, TaskView task) {
}
