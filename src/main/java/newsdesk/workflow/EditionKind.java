package newsdesk.workflow;

/** The original story, or a translation of it: they follow different paths to publication. */
public enum EditionKind {
    SOURCE, TRANSLATION
}
