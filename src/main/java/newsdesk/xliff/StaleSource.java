package newsdesk.xliff;

import newsdesk.article.RevisionDiff;
import newsdesk.platform.Conflict;
import newsdesk.platform.ErrorCode;

import java.util.List;

/** 409: the file was made from an older source revision than the task's; carries what changed since. */
public class StaleSource extends Conflict {

    public StaleSource(String taskId, int fileRevision, int taskRevision, List<RevisionDiff.FieldDiff> diff) {
        super(ErrorCode.CONFLICT, "The file was made from source revision " + fileRevision + ", but task " + taskId
                + " now translates revision " + taskRevision + ": export it again (sourceDiff shows what changed)");
        with("fileSourceRevision", fileRevision);
        with("taskSourceRevision", taskRevision);
        with("sourceDiff", List.copyOf(diff));
    }
}
