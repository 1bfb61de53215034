package newsdesk.language;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@ExtendWith(NewsdeskServer.class)
class LanguagesIT {

    private final Desk desk;

    LanguagesIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void theConfiguredLanguagesAreSeededWithTheirOwnNames() {
        desk.anonymous().get("/api/languages")
                .then().statusCode(200)
                .body("code", hasItems("uk", "ru", "en"))
                .body("find { it.code == 'uk' }.name", equalTo("Українська"))
                .body("find { it.code == 'en' }.name", equalTo("English"))
                .body("find { it.code == 'uk' }.enabled", equalTo(true));
    }

    @Test
    void anAdminAddsAndChangesALanguage() {
        desk.asAdmin().body(Map.of("name", "Deutsch")).put("/api/languages/de")
                .then().statusCode(201).header("ETag", equalTo("\"1\""))
                .body("code", equalTo("de")).body("enabled", equalTo(true));

        desk.asAdmin().body(Map.of("name", "Deutsch", "enabled", false)).put("/api/languages/de")
                .then().statusCode(428);
        desk.asAdmin().header("If-Match", "\"1\"").body(Map.of("name", "Deutsch", "enabled", false))
                .put("/api/languages/de")
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("enabled", equalTo(false));
        desk.asAdmin().header("If-Match", "\"1\"").body(Map.of("name", "German")).put("/api/languages/de")
                .then().statusCode(412);

        desk.anonymous().get("/api/languages").then().body("find { it.code == 'de' }.name", equalTo("Deutsch"));
    }

    @Test
    void aCountryCodeIsNotALanguage() {
        desk.asAdmin().body(Map.of("name", "Ukrainian")).put("/api/languages/ua")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("uk"));
        desk.asAdmin().body(Map.of("name", "Nonsense")).put("/api/languages/Not A Tag")
                .then().statusCode(422);
    }

    @Test
    void workingLanguagesMustBeSiteLanguages() {
        desk.asAdmin().body(Map.of("username", "polyglot", "displayName", "P", "password", "long enough pw",
                        "languages", List.of("en", "tlh")))
                .post("/api/accounts").then().statusCode(422).body("errors[0].message", containsString("tlh"));
    }
}
