package newsdesk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint needs a signed-in account holding at least one of these roles. (Our own annotation
 * rather than {@code @RolesAllowed}: Payara applies its servlet security to that one and answers some
 * requests with an HTML 401 before our check runs.)
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRole {

    Role[] value();
}
