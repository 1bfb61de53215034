package newsdesk.glossary;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The starter glossary is loaded at the first start only: a term an editor deleted stays deleted. */
class StarterGlossaryIT {

    @Test
    void theStarterGlossaryIsLoadedOnceAndEditorsOwnItAfterwards() {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = Map.of("NEWSDESK_DB_URL", database.url(),
                    "NEWSDESK_ADMIN_PASSWORD", NewsdeskServer.ADMIN_PASSWORD,
                    "NEWSDESK_DATA_DIR", Path.of("target", "it", "data-" + database.name()).toString());
            long loaded;
            try (ServerProcess first = ServerProcess.start("glossary-1", env)) {
                Desk desk = new Desk(first.baseUri(), database, null);
                loaded = ((Number) database.value("SELECT count(*) FROM glossary_terms")).longValue();
                assertTrue(loaded > 50, "the starter glossary has its terms: " + loaded);
                String kyiv = desk.asAdmin().queryParam("pair", "uk-en").queryParam("q", "Kiev").get("/api/glossary")
                        .then().statusCode(200).extract().path("items.find { it.term == 'Київ' }.id");
                desk.asAdmin().delete("/api/glossary/" + kyiv).then().statusCode(204);
                first.stop();
            }
            try (ServerProcess second = ServerProcess.start("glossary-2", env)) {
                Desk desk = new Desk(second.baseUri(), database, null);
                List<String> terms = desk.asAdmin().queryParam("pair", "uk-en").queryParam("q", "Kiev")
                        .get("/api/glossary").then().statusCode(200).extract().path("items.term");
                assertTrue(!terms.contains("Київ"), "a deleted starter term does not come back: " + terms);
                assertEquals(loaded - 1, ((Number) database.value("SELECT count(*) FROM glossary_terms")).longValue());
            }
        }
    }
}
