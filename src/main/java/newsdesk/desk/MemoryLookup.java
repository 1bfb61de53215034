package newsdesk.desk;

import java.util.List;

/**
 * The translation memory as the desk sees it (implemented by the memory feature, which builds on the
 * desk; an interface keeps the packages free of cycles). Must not fail the task view.
 */
public interface MemoryLookup {

    /** Matches per source sentence that has any, in source order. */
    List<SegmentMatches> matches(String targetLanguage, SourceText source);
}
