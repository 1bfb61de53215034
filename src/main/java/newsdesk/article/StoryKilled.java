package newsdesk.article;

import java.util.UUID;

/** Fired inside the transaction that withdraws a published source: the story is dead in every language. */
public record StoryKilled(UUID articleId, UUID actorId) {
}
