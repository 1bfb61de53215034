package newsdesk.account;

import io.restassured.specification.RequestSpecification;
import newsdesk.platform.Anyone;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import newsdesk.platform.SignedIn;
import newsdesk.testing.Desk;
import newsdesk.testing.Endpoints;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Who may call what, checked over HTTP for every endpoint the application declares. */
@ExtendWith(NewsdeskServer.class)
class AccessIT {

    private final Desk desk;

    AccessIT(Desk desk) {
        this.desk = desk;
    }

    @TestFactory
    Stream<DynamicTest> anonymousCallersGet401FromEveryProtectedEndpoint() {
        List<Endpoints.Endpoint> endpoints = Endpoints.all().stream().filter(e -> !(e.access() instanceof Anyone)).toList();
        assertFalse(endpoints.isEmpty());
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () ->
                withBody(desk.anonymous(), endpoint).request(endpoint.method(), endpoint.samplePath())
                        .then().statusCode(401).contentType("application/problem+json")
                        .body("type", equalTo("/problems/unauthenticated"))));
    }

    @TestFactory
    Stream<DynamicTest> signedInCallersWithoutTheRoleGet403() {
        Map<Set<Role>, Desk.Person> outsiders = new HashMap<>();
        return Endpoints.all().stream()
                .filter(e -> e.access() instanceof RequiresRole)
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
                    // Someone holding every role except the ones the endpoint accepts (possibly no role at all).
                    Set<Role> others = EnumSet.allOf(Role.class);
                    others.removeAll(Arrays.asList(((RequiresRole) endpoint.access()).value()));
                    Desk.Person outsider = outsiders.computeIfAbsent(others, roles -> desk.newPerson(
                            roles.stream().map(Role::name).toList(), "en"));
                    withBody(desk.as(outsider), endpoint).request(endpoint.method(), endpoint.samplePath())
                            .then().statusCode(403).contentType("application/problem+json")
                            .body("type", equalTo("/problems/forbidden"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointDeclaresWhoMayCallIt() {
        return Endpoints.all().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () ->
                org.junit.jupiter.api.Assertions.assertNotNull(endpoint.access(),
                        endpoint + " declares neither @Anyone, @SignedIn nor @RequiresRole")));
    }

    /** Writes carry a (valid JSON) body, so the answer can't be blamed on a missing one. */
    private static RequestSpecification withBody(RequestSpecification request, Endpoints.Endpoint endpoint) {
        return List.of("POST", "PUT", "PATCH").contains(endpoint.method()) ? request.body("{}") : request;
    }
}
