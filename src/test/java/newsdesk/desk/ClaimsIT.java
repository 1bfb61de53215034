package newsdesk.desk;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Claiming and working on a task over HTTP: the queue order, leases, drafts, rebasing. */
@ExtendWith(NewsdeskServer.class)
class ClaimsIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;
    private final TaskSteps steps;

    ClaimsIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
        this.steps = new TaskSteps(desk, editor);
    }

    @Test
    void claimNextTakesTheBestTaskAndRespectsTheLimit() {
        String lang = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(lang);
        desk.as(translator).body(Map.of("language", lang)).post("/api/tasks/claim-next").then().statusCode(204);
        String low = null;
        String high = null;
        for (int priority : new int[] {1, 9, 5, 3}) {
            String id = steps.publishedStory("uk");
            String taskId = desk.as(editor).body(Map.of("languages", List.of(lang), "priority", priority))
                    .post("/api/articles/" + id + "/translations").then().statusCode(201).extract().path("[0].id");
            if (priority == 9) {
                high = taskId;
            }
            if (priority == 1) {
                low = taskId;
            }
        }

        desk.as(translator).body(Map.of()).post("/api/tasks/claim-next").then().statusCode(200).body("id", equalTo(high));
        desk.as(translator).post("/api/tasks/claim-next").then().statusCode(200).body("priority", equalTo(5));
        desk.as(translator).post("/api/tasks/claim-next").then().statusCode(200).body("priority", equalTo(3));
        desk.as(translator).post("/api/tasks/claim-next").then().statusCode(409).body("detail", containsString("3 tasks"));
        desk.as(translator).get("/api/tasks?mine=true").then().body("items.size()", equalTo(3))
                .body("items.id", not(hasItem(low)));
    }

    @Test
    void concurrentClaimsOfOneTranslatorNeverPassTheLimit() throws Exception {
        String lang = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(lang);
        for (int i = 0; i < 8; i++) {
            steps.requestTranslation(stories.create(editor, "uk"), lang);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return desk.as(translator).body(Map.of("language", lang)).post("/api/tasks/claim-next").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the limit of 3 held: " + statuses);
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), "the others were refused: " + statuses);
        desk.as(translator).get("/api/tasks?mine=true").then().body("items.size()", equalTo(3));
    }

    @Test
    void releasingKeepsTheDraftForTheNextTranslator() {
        String id = steps.publishedStory("uk");
        String taskId = steps.requestTranslation(id, "en");
        Desk.Person first = desk.newTranslator("en");
        Desk.Person second = desk.newTranslator("en");
        String etag = steps.claim(first, taskId).then().extract().header("ETag");
        desk.as(first).header("If-Match", etag).body(Stories.text("Half done", "<p>half</p>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(200);

        desk.as(first).post("/api/tasks/" + taskId + "/release").then().statusCode(200).body("state", equalTo("OPEN"));

        steps.claim(second, taskId).then().statusCode(200).body("draft.title", equalTo("Half done"));
    }

    @Test
    void twoDraftSavesFromOneETagDoNotOverwriteEachOther() {
        String id = steps.publishedStory("uk");
        Desk.Person translator = desk.newTranslator("en");
        String taskId = steps.requestTranslation(id, "en");
        String etag = steps.claim(translator, taskId).then().statusCode(200).extract().header("ETag");
        desk.as(translator).header("If-Match", etag).body(Stories.text("Tab one", "<p>1</p>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(200);
        desk.as(translator).header("If-Match", etag).body(Stories.text("Tab two", "<p>2</p>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(412);
        desk.as(translator).get("/api/tasks/" + taskId).then().body("draft.title", equalTo("Tab one"));
    }

    @Test
    void aChangedSourceIsFlaggedDiffedAndRebased() {
        String id = stories.create(editor, "uk", "Перший варіант заголовка");
        String taskId = steps.requestTranslation(id, "en");
        Desk.Person translator = desk.newTranslator("en");
        steps.claim(translator, taskId).then().statusCode(200).body("sourceRevision", equalTo(1));

        desk.as(editor).header("If-Match", stories.etag(editor, id, "uk"))
                .body(Stories.text("Другий варіант заголовка", "<p>Body</p>")).put(edition(id, "uk")).then().statusCode(200);

        desk.as(translator).get("/api/tasks/" + taskId).then().body("sourceChanged", equalTo(true))
                .body("currentSourceRevision", equalTo(2));
        desk.as(translator).get("/api/tasks/" + taskId + "/source-diff").then().statusCode(200)
                .body("find { it.field == 'title' }.hunks[0].from", equalTo("Перший"))
                .body("find { it.field == 'title' }.hunks[0].to", equalTo("Другий"));
        desk.as(translator).post("/api/tasks/" + taskId + "/rebase").then().statusCode(200)
                .body("sourceRevision", equalTo(2)).body("sourceChanged", equalTo(false))
                .body("source.title", equalTo("Другий варіант заголовка"));
    }


    @Test
    void draftsAreSanitizedLikeRevisionsSoReviewersSeeWhatWouldBePublished() {
        String id = steps.publishedStory("uk");
        String taskId = steps.requestTranslation(id, "en");
        Desk.Person translator = desk.newTranslator("en");
        String etag = steps.claim(translator, taskId).then().statusCode(200).extract().header("ETag");

        desk.as(translator).header("If-Match", etag)
                .body(Stories.text("Title <b>bold</b>", "<p onclick=\"steal()\">Text</p><script>steal()</script>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(200)
                .body("draft.body", equalTo("<p>Text</p>")).body("draft.title", equalTo("Title <b>bold</b>"));
        desk.as(translator).get("/api/tasks/" + taskId).then()
                .body("draft.body", not(containsString("script"))).body("draft.body", not(containsString("onclick")));

        // What the reviewer sees on the submitted task is exactly the revision that would be published.
        steps.submit(translator, taskId, "Submitted").then().statusCode(200)
                .body("draft.body", equalTo("<p>Submitted</p>"));
        desk.as(editor).get(edition(id, "en")).then().body("body", equalTo("<p>Submitted</p>"));
    }
}
