package newsdesk.account;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import newsdesk.platform.Anyone;
import newsdesk.platform.Forbidden;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import newsdesk.platform.SignedIn;
import newsdesk.platform.Unauthenticated;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Enforces each endpoint's declared access ({@link Anyone}, {@link SignedIn} or {@link RequiresRole}, on
 * the method or else its class). Anonymous callers get 401, signed-in callers without a needed role
 * 403. An endpoint that declares nothing is closed to everyone: forgetting is never an opening.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null || !type.getPackageName().startsWith("newsdesk.")) {
            return;
        }
        AnnotatedElement declaring = declaresAccess(method) ? method : type;
        if (declaring.isAnnotationPresent(Anyone.class)) {
            return;
        }
        RequiresRole required = declaring.getAnnotation(RequiresRole.class);
        boolean signedInIsEnough = declaring.isAnnotationPresent(SignedIn.class);
        context.register(new Check(signedInIsEnough, required == null ? List.of() : List.of(required.value())),
                Priorities.AUTHORIZATION);
    }

    static boolean declaresAccess(AnnotatedElement element) {
        return element.isAnnotationPresent(Anyone.class) || element.isAnnotationPresent(SignedIn.class)
                || element.isAnnotationPresent(RequiresRole.class);
    }

    private record Check(boolean signedInIsEnough, List<Role> roles) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
                throw new Unauthenticated("Sign in first: send Authorization: Bearer <token>");
            }
            if (signedInIsEnough || roles.stream().anyMatch(caller::has)) {
                return;
            }
            throw new Forbidden(roles.isEmpty() ? "Nobody may call this endpoint"
                    : "This needs the role " + roles.stream().map(Role::name).collect(Collectors.joining(" or ")));
        }
    }
}
