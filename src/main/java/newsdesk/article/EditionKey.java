package newsdesk.article;

import java.util.UUID;

/** Which edition: one article in one language. */
public record EditionKey(UUID articleId, String language) {
}
