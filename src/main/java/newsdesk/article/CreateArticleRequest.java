package newsdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/articles: the story's metadata and the first revision of its source edition. */
public record CreateArticleRequest(
        @NotBlank String sourceLanguage,
        @NotBlank @Size(max = 100) String section,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags,
        @NotBlank @Size(max = 300) String byline,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Size(max = 2000) String summary,
        @NotNull @Size(max = 500_000) String body,
        Boolean autoPublishTranslations) {
}
