package newsdesk.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * All paths go through JAX-RS (so even an unknown URL answers with a problem body); Payara serves
 * /health, /metrics and /openapi itself.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Newsdesk", version = "1",
        description = "Multilingual translation and publishing workflow for newsrooms."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/auth/tokens")
public class NewsdeskApplication extends Application {

    @Override
    public java.util.Map<String, Object> getProperties() {
        // No generated WADL document: /openapi describes the API.
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
