package newsdesk.desk;

import java.util.List;

/**
 * Machine suggestions for a task's source, read from what the background pre-fill has stored (never an
 * engine call, so a view or claim is never slowed or failed by an engine). Implemented in the machine
 * feature; an interface here so the desk does not depend on it (machine builds on the desk and xliff).
 */
public interface MachinePrefill {

    /** One entry per segment with text when an engine serves the pair; empty when none is configured. */
    List<MachineSuggestion> suggestions(String targetLanguage, SourceText source);
}
