package newsdesk.article;

/** The text a translator hands in: saved as a revision of the translation edition. */
public record TranslationText(String title, String summary, String body) {
}
