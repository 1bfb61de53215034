package newsdesk.platform;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the document Payara generates into one a client generator accepts, deriving everything from
 * the resource methods' existing annotations: unique operationIds (resource + method), status codes per
 * operation with the {@code Problem} schema for errors, uuid path and query parameters, the bearer
 * requirement wherever sign-in is needed, no Payara-only top-level {@code endpoints} key, and named
 * schemas for records returned inside a {@code Response} ({@link OpenApiRecords}).
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        dropPayaraEndpoints(openAPI);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(OpenApiResponses.PROBLEM, OpenApiResponses.problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        OpenApiEndpoints endpoints = OpenApiEndpoints.scan(OpenApiFilter.class.getClassLoader());
        Set<String> operationIds = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((verb, operation) ->
                endpoints.find(verb.name(), path).ifPresent(method -> {
                    name(operation, verb, method, operationIds);
                    parameters(operation, method);
                    namedBodyTypes(operation);
                    security(operation, method);
                    OpenApiResponses.describe(operation, verb, path, method, collectionHasItems(openAPI, path));
                    OpenApiRecords.describe(operation, method, openAPI.getComponents());
                })));
    }

    /**
     * Payara 6 adds a top-level {@code endpoints} map, which the OpenAPI 3 schema does not allow (later
     * Payara versions rename it {@code x-endpoints}). It is set before filters run and serialized only
     * when not empty, so emptying it here removes it.
     */
    private static void dropPayaraEndpoints(OpenAPI openAPI) {
        try {
            Method getter = openAPI.getClass().getMethod("getEndpoints");
            if (getter.invoke(openAPI) instanceof Map<?, ?> endpoints) {
                endpoints.clear();
            }
        } catch (NoSuchMethodException e) {
            // another implementation: nothing to remove
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot remove Payara's endpoints key from the OpenAPI document", e);
        }
    }

    /** {@code accountCreate}, {@code taskClaimNext}; the resource's noun alone when the method repeats it ({@code me}). */
    private static void name(Operation operation, PathItem.HttpMethod verb, Method method, Set<String> taken) {
        String noun = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
        noun = Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
        String name = noun.toLowerCase(Locale.ROOT).endsWith(method.getName().toLowerCase(Locale.ROOT)) ? noun
                : noun + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
        if (!taken.add(name)) {
            name = name + verb.name().charAt(0) + verb.name().substring(1).toLowerCase(Locale.ROOT);
            taken.add(name);
        }
        operation.setOperationId(name);
    }

    /** Path and query parameters that are UUIDs in Java are {@code string/uuid}; path parameters are required. */
    private static void parameters(Operation operation, Method method) {
        if (operation.getParameters() == null) {
            return;
        }
        Set<String> uuids = new HashSet<>();
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.getType() != UUID.class) {
                continue;
            }
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                uuids.add("path:" + path.value());
            } else if (query != null) {
                uuids.add("query:" + query.value());
            }
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.PATH) {
                parameter.setRequired(true);
            }
            if (uuids.contains(parameter.getIn().toString().toLowerCase(Locale.ROOT) + ":" + parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid"));
            }
        }
    }

    /**
     * A method that accepts any media type (so its role check answers before the type is judged) and names
     * the types it reads in {@code @RequestBody} documents those alone, not the container's untyped any.
     */
    private static void namedBodyTypes(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        var content = operation.getRequestBody().getContent();
        if (content.getMediaTypes() != null && content.getMediaTypes().size() > 1 && content.hasMediaType("*/*")) {
            content.removeMediaType("*/*");
        }
    }

    /** Bearer token wherever the endpoint is not public; nothing where it is. */
    private static void security(Operation operation, Method method) {
        if (OpenApiResponses.isPublic(method)) {
            operation.setSecurity(new ArrayList<>());
        } else {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme("bearer"))));
        }
    }

    /** A collection whose members have their own path ({@code /api/articles} and {@code /api/articles/{id}}). */
    private static boolean collectionHasItems(OpenAPI openAPI, String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return openAPI.getPaths().getPathItems().keySet().stream()
                .anyMatch(other -> other.startsWith(prefix) && other.substring(prefix.length()).matches("\\{[^}/]+}"));
    }
}
