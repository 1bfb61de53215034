package newsdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** PATCH /api/articles/{id}: the story's metadata; only the members present change, each checked as at creation. */
public record ChangeArticleRequest(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 100) String section,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 300) String byline) {
}
