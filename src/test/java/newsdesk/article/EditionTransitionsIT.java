package newsdesk.article;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionKind;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.EditionWorkflow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static newsdesk.testing.Stories.edition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every (kind, state, editor action) combination over HTTP, with the expected answer read from the
 * transition table: a new state or action can't be forgotten here.
 */
@ExtendWith(NewsdeskServer.class)
class EditionTransitionsIT {

    /** The actions an editor drives over HTTP (the desk's submit/approve/reject and the scheduler's are elsewhere). */
    private static final List<EditionAction> EDITOR_ACTIONS = List.of(EditionAction.EDIT, EditionAction.PUBLISH,
            EditionAction.SCHEDULE, EditionAction.UNSCHEDULE, EditionAction.WITHDRAW);

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    EditionTransitionsIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @TestFactory
    Stream<DynamicTest> everyEditorActionFromEveryStateAnswersAsTheTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EditionKind kind : EditionKind.values()) {
            for (EditionState state : EditionState.values()) {
                for (EditionAction action : EDITOR_ACTIONS) {
                    tests.add(DynamicTest.dynamicTest(kind + " " + state + " " + action.slug(),
                            () -> check(kind, state, action)));
                }
            }
        }
        return tests.stream();
    }

    private void check(EditionKind kind, EditionState state, EditionAction action) {
        String id = stories.create(editor, "en");
        String language = "en";
        if (kind == EditionKind.TRANSLATION) {
            stories.publish(editor, id, "en").then().statusCode(200);
            stories.arrangeTranslation(id, "uk", state.name());
            language = "uk";
        } else {
            arrangeSource(id, state);
        }
        // Saving text on a published edition is a correction; elsewhere it is an edit.
        EditionAction effective = action == EditionAction.EDIT && state == EditionState.PUBLISHED
                ? EditionAction.CORRECT : action;
        Optional<EditionState> expected = EditionWorkflow.find(kind, state, effective);
        if (kind == EditionKind.TRANSLATION && effective == EditionAction.EDIT) {
            expected = Optional.empty();
        }

        Response response = perform(id, language, action);

        if (expected.isPresent()) {
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(expected.get().name(), response.path("state"));
        } else {
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals("/problems/invalid-state", response.path("type"));
            assertEquals(state.name(), response.path("currentState"));
            List<String> allowed = EditionWorkflow.allowed(kind, state).stream()
                    .filter(a -> a != EditionAction.PUBLISH_DUE).map(EditionAction::slug).sorted().toList();
            assertEquals(allowed, response.path("allowedActions"));
            desk.as(editor).get(edition(id, language)).then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo(state.name()));
        }
    }

    private void arrangeSource(String id, EditionState state) {
        switch (state) {
            case DRAFT -> { }
            case PUBLISHED -> stories.publish(editor, id, "en").then().statusCode(200);
            case WITHDRAWN -> {
                stories.publish(editor, id, "en").then().statusCode(200);
                stories.withdraw(editor, id, "en", "test").then().statusCode(200);
            }
            case SCHEDULED -> desk.as(editor).header("If-Match", stories.etag(editor, id, "en"))
                    .body(Map.of("at", "2099-01-01T00:00:00Z")).post(edition(id, "en") + "/publish")
                    .then().statusCode(200);
            // States a source never reaches through the API: put it there to prove the answer is still 409.
            default -> desk.database().sql("UPDATE editions SET state = ? WHERE article_id = ?::uuid AND is_source",
                    state.name(), id);
        }
    }

    private Response perform(String id, String language, EditionAction action) {
        String path = edition(id, language);
        var request = desk.as(editor).header("If-Match", stories.etag(editor, id, language));
        return switch (action) {
            case EDIT -> request.body(Stories.text("New text", "<p>new</p>")).put(path);
            case PUBLISH -> request.body("{}").post(path + "/publish");
            case SCHEDULE -> request.body(Map.of("at", "2099-06-01T00:00:00Z")).post(path + "/publish");
            case UNSCHEDULE -> request.post(path + "/unschedule");
            case WITHDRAW -> request.body(Map.of("reason", "test")).post(path + "/withdraw");
            default -> throw new IllegalArgumentException(action.name());
        };
    }
}
