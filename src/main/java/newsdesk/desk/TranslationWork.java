package newsdesk.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import newsdesk.article.HtmlSanitizer;

/** PUT /api/tasks/{id}/draft and POST /api/tasks/{id}/submit: the translated text. */
public record TranslationWork(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Size(max = 2000) String summary,
        @NotNull @Size(max = 500_000) String body) {

    /** The text as a revision stores it, so a reviewer sees in the draft what would be published. */
    TranslationWork sanitized() {
        return new TranslationWork(HtmlSanitizer.plainText(title), HtmlSanitizer.plainText(summary),
                HtmlSanitizer.body(body));
    }
}
