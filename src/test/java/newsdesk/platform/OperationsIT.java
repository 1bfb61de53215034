package newsdesk.platform;

import newsdesk.testing.Desk;
import newsdesk.testing.Endpoints;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Locale;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The operator's endpoints: OpenAPI describing every endpoint, and metrics. */
@ExtendWith(NewsdeskServer.class)
class OperationsIT {

    private final Desk desk;

    OperationsIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        Map<String, Map<String, Object>> paths = desk.anonymous().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().path("paths");
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            Map<String, Object> operations = paths.get(endpoint.path());
            assertNotNull(operations, endpoint.path() + " is missing from /openapi");
            assertNotNull(operations.get(endpoint.method().toLowerCase(Locale.ROOT)),
                    endpoint + " is missing from /openapi");
        }
    }

    @Test
    void metricsAreExposed() {
        desk.anonymous().accept("text/plain").get("/metrics")
                .then().statusCode(200).body(containsString("# TYPE"));
    }
}
