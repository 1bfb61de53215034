package newsdesk.testing;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for articles: create one, read an ETag, publish, and arrange states the API can't reach yet. */
public final class Stories {

    private final Desk desk;

    public Stories(Desk desk) {
        this.desk = desk;
    }

    public static Map<String, Object> story(String language, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceLanguage", language);
        body.put("section", "news");
        body.put("tags", List.of("test"));
        body.put("byline", "Олена Коваль");
        body.put("title", title);
        body.put("summary", "Summary of " + title);
        body.put("body", "<p>Body of " + title + "</p>");
        return body;
    }

    public static Map<String, Object> text(String title, String body) {
        return Map.of("title", title, "summary", "Summary of " + title, "body", body);
    }

    /** A new article in that source language with a unique title; returns its id. */
    public String create(Desk.Person editor, String language) {
        return create(editor, language, "Story " + UUID.randomUUID());
    }

    public String create(Desk.Person editor, String language, String title) {
        return desk.as(editor).body(story(language, title)).post("/api/articles")
                .then().statusCode(201).extract().path("id");
    }

    public static String edition(String articleId, String language) {
        return "/api/articles/" + articleId + "/editions/" + language;
    }

    public String etag(Desk.Person reader, String articleId, String language) {
        return desk.as(reader).get(edition(articleId, language)).then().statusCode(200).extract().header("ETag");
    }

    public Response publish(Desk.Person editor, String articleId, String language) {
        return desk.as(editor).header("If-Match", etag(editor, articleId, language)).body("{}")
                .post(edition(articleId, language) + "/publish");
    }

    public Response withdraw(Desk.Person editor, String articleId, String language, String reason) {
        return desk.as(editor).header("If-Match", etag(editor, articleId, language)).body(Map.of("reason", reason))
                .post(edition(articleId, language) + "/withdraw");
    }

    /**
     * Puts a translation edition straight into the database in the given state (with revision 1), for
     * workflow paths the translation desk will drive over HTTP once it exists.
     */
    public void arrangeTranslation(String articleId, String language, String state) {
        boolean published = state.equals("PUBLISHED") || state.equals("WITHDRAWN");
        desk.database().sql("""
                INSERT INTO editions (article_id, language, is_source, slug, state, current_revision, published_revision,
                                      atom_id, first_published_at, updated_at, publish_at)
                VALUES (?::uuid, ?, false, ?, ?, 1, ?, ?, ?, ?, ?)""",
                articleId, language, "translation-" + UUID.randomUUID(), state, published ? 1 : null,
                published ? "urn:uuid:" + UUID.randomUUID() : null,
                published ? java.sql.Timestamp.from(java.time.Instant.now()) : null,
                published ? java.sql.Timestamp.from(java.time.Instant.now()) : null,
                state.equals("SCHEDULED") ? java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)) : null);
        desk.database().sql("""
                INSERT INTO revisions (article_id, language, number, title, summary, body, author_id, created_at)
                SELECT ?::uuid, ?, 1, 'Translated title', 'Translated summary', '<p>Translated</p>', created_by, now()
                  FROM articles WHERE id = ?::uuid""", articleId, language, articleId);
    }
}
