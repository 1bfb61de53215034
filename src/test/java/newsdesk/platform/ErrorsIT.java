package newsdesk.platform;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The container's own errors answer as RFC 9457 problems too, never as HTML or a stack trace. */
@ExtendWith(NewsdeskServer.class)
class ErrorsIT {

    private final Desk desk;

    ErrorsIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        desk.anonymous().get("/no/such/page")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", containsString("no/such/page"));
    }

    @Test
    void aWrongMethodIsA405ProblemNamingTheAllowedOnes() {
        desk.asAdmin().delete("/api/accounts")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", allOf(containsString("GET"), containsString("POST")))
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        desk.asAdmin().contentType("text/plain").body("hello").post("/api/accounts")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String huge = "{\"username\":\"" + "a".repeat(1_100_000) + "\"}";
        desk.asAdmin().body(huge).post("/api/accounts")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void anOversizedChunkedBodyIsA413ProblemToo() {
        byte[] huge = ("{\"username\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // A stream of unknown length is sent chunked, without Content-Length.
        desk.asAdmin().body(new ByteArrayInputStream(huge)).post("/api/accounts")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void theSizeLimitComesBeforeAnyParsing() {
        // Malformed JSON too: a 400 here would mean the body was read whole before the limit applied.
        byte[] huge = ("[" + "1,".repeat(600_000)).getBytes(StandardCharsets.UTF_8);
        desk.asAdmin().body(new ByteArrayInputStream(huge)).post("/api/accounts")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void problemBodiesNeverCarryStackTraces() {
        desk.asAdmin().body("{\"roles\": {\"nested\": [}").post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("newsdesk.")));
    }

    @Test
    void aHeadOrOptionsOfAnUnknownRouteIsA404Problem() {
        desk.anonymous().head("/no/such/page")
                .then().statusCode(404).contentType("application/problem+json");
        desk.anonymous().options("/no/such/page")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void askingForAMediaTypeNobodyServesIsA406Problem() {
        desk.asAdmin().accept("application/xml").get("/api/accounts")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }

    @Test
    void jsonInAnotherCharsetThanUtf8IsA415Problem() {
        desk.asAdmin().contentType("application/json; charset=ISO-8859-1")
                .body("{\"name\":\"Fran\u00e7ais\"}".getBytes(StandardCharsets.ISO_8859_1))
                .put("/api/languages/fr").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aMissingRequiredBodyIsA422ProblemNamingTheBody() {
        desk.asAdmin().post("/api/accounts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anAcceptThatIsNoListOfMediaTypesIsA400ProblemNamingIt() {
        desk.asAdmin().accept("application/json;q=often").get("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Accept"));
    }
}
