package newsdesk.api;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import newsdesk.api.AccessTable.Access;
import newsdesk.api.AccessTable.Caller;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation in /openapi × every caller of {@link AccessTable}, against a fresh story and a task
 * held by someone: anonymous callers get 401 on staff endpoints, callers without the role 403, callers
 * outside the task's scope never a 2xx, nobody a 5xx, and every status answered is one the document
 * names. A new endpoint fails this test until the table has its row.
 */
@ExtendWith(NewsdeskServer.class)
class AuthorizationMatrixIT {

    private final Desk desk;

    AuthorizationMatrixIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void theTableCoversExactlyTheDocumentedOperations() {
        Set<String> documented = ApiOperations.read(desk).stream().map(ApiOperations.Operation::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(AccessTable.ROWS.keySet());
        Set<String> stale = new TreeSet<>(AccessTable.ROWS.keySet());
        stale.removeAll(documented);
        assertEquals("", (missing.isEmpty() ? "" : "operations without a row in AccessTable: " + missing)
                + (stale.isEmpty() ? "" : " rows for operations /openapi no longer has: " + stale));
    }

    @Test
    void everyCallerGetsWhatTheDesignAllows() {
        ApiFixture fixture = new ApiFixture(desk);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (ApiOperations.Operation operation : ApiOperations.read(desk)) {
            Map<Caller, Access> row = AccessTable.ROWS.get(operation.id());
            if (row == null) {
                continue; // reported by theTableCoversExactlyTheDocumentedOperations
            }
            ApiFixture.Scene scene = fixture.newScene();
            // Those who may not go first, so the scene is as arranged when they try.
            List<Caller> callers = row.keySet().stream()
                    .sorted(Comparator.comparing((Caller c) -> row.get(c).mayPass()).thenComparing(Enum::ordinal))
                    .toList();
            for (Caller caller : callers) {
                Response response = send(fixture, operation, scene, caller);
                requests++;
                String fault = judge(row.get(caller), response.statusCode(), operation);
                if (fault != null) {
                    failures.add(operation + " as " + caller + ": " + fault + " — "
                            + abbreviate(response.asString(), 160));
                }
                if (operation.method().equals("DELETE") && response.statusCode() / 100 == 2) {
                    fixture.signInAgain(caller);
                }
            }
        }
        assertEquals("", String.join("\n", failures),
                failures.size() + " of " + requests + " answers break the authorization matrix");
    }

    private Response send(ApiFixture fixture, ApiOperations.Operation operation, ApiFixture.Scene scene, Caller caller) {
        Desk.Person person = fixture.person(caller, scene);
        RequestSpecification request = person == null ? desk.anonymous() : desk.as(person);
        String path = fixture.path(operation, scene, null, null);
        if (!operation.in("header").stream().filter(p -> p.getName().equalsIgnoreCase("If-Match")).toList().isEmpty()) {
            request.header("If-Match", fixture.etag(path));
        }
        if (operation.hasBody()) {
            request.body(fixture.validBody(operation, scene));
        }
        return request.urlEncodingEnabled(false).request(operation.method(), path);
    }

    /** Null when the answer is what the access rule requires, else what is wrong with it. */
    static String judge(Access access, int status, ApiOperations.Operation operation) {
        if (status >= 500) {
            return "answered " + status;
        }
        String wrong = switch (access) {
            case PUBLIC, ALLOWED -> status == 401 || status == 403 ? "refused with " + status + ", the design allows it" : null;
            case UNAUTHENTICATED -> status != 401 ? "answered " + status + " instead of 401" : null;
            case FORBIDDEN -> status != 403 ? "answered " + status + " instead of 403" : null;
            case REFUSED -> status / 100 != 4 ? "answered " + status + " to a caller outside the task's scope" : null;
        };
        if (wrong == null && !operation.documentedCodes().contains(String.valueOf(status))) {
            return "answered " + status + ", which /openapi does not list (" + operation.documentedCodes() + ")";
        }
        return wrong;
    }

    static String abbreviate(String text, int length) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > length ? flat.substring(0, length) + "…" : flat;
    }
}
