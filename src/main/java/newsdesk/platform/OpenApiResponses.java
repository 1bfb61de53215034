package newsdesk.platform;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status codes an operation answers, derived from its resource method and its place in the API:
 * the success codes (unless the method states them with {@code @APIResponse}) and the problem+json
 * errors that its access rule, parameters, preconditions and body make possible.
 */
final class OpenApiResponses {

    static final String PROBLEM = "Problem";

    private OpenApiResponses() {
    }

    static void describe(Operation operation, PathItem.HttpMethod verb, String path, Method method,
                         boolean collectionHasItems) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        Map<String, APIResponse> given = new LinkedHashMap<>(responses.getAPIResponses() == null ? Map.of()
                : responses.getAPIResponses());
        APIResponse fallback = given.remove(APIResponses.DEFAULT);
        Content content = fallback == null ? null : fallback.getContent();
        Map<String, APIResponse> described = new LinkedHashMap<>();
        if (given.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            success(described, verb, path, method, content, collectionHasItems);
        }
        given.forEach((code, response) -> {
            if (code.startsWith("2") && !"204".equals(code) && response.getContent() == null) {
                response.setContent(content);
            }
            described.put(code, response);
        });
        errors(operation, verb, path, method).forEach((code, title) -> described.putIfAbsent(code, problem(title)));
        APIResponses result = OASFactory.createAPIResponses();
        described.forEach(result::addAPIResponse);
        operation.setResponses(result);
    }

    private static void success(Map<String, APIResponse> described, PathItem.HttpMethod verb, String path,
                                Method method, Content content, boolean collectionHasItems) {
        boolean noBody = method.getReturnType() == void.class;
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (noBody || verb == PathItem.HttpMethod.DELETE) {
            described.put("204", OASFactory.createAPIResponse().description("Done; no content"));
        } else if (verb == PathItem.HttpMethod.POST && last.matches("[a-z-]*s")) {
            APIResponse created = OASFactory.createAPIResponse().description("Created").content(content);
            if (collectionHasItems) {
                created.addHeader("Location", OASFactory.createHeader().description("The new resource")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference")));
            }
            described.put("201", created);
        } else {
            described.put("200", OASFactory.createAPIResponse().description("OK").content(content));
            if (verb == PathItem.HttpMethod.GET && isPublic(method) && method.getReturnType() == jakarta.ws.rs.core.Response.class) {
                described.put("304", OASFactory.createAPIResponse()
                        .description("Not modified since the ETag in If-None-Match or the time in If-Modified-Since"));
            }
        }
    }

    /** Error status → title, in the order a client meets them. */
    private static Map<String, String> errors(Operation operation, PathItem.HttpMethod verb, String path, Method method) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean query = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName()));
        boolean write = verb != PathItem.HttpMethod.GET && verb != PathItem.HttpMethod.HEAD;
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", ErrorCode.MALFORMED_REQUEST.title());
        if (!isPublic(method)) {
            errors.put("401", ErrorCode.UNAUTHENTICATED.title());
        }
        if (access(method) instanceof RequiresRole) {
            errors.put("403", ErrorCode.FORBIDDEN.title());
        }
        if (path.contains("{")) {
            errors.put("404", ErrorCode.NOT_FOUND.title());
        }
        if (write && !isPublic(method)) {
            errors.put("409", ErrorCode.CONFLICT.title());
        }
        if (ifMatch) {
            errors.put("412", ErrorCode.PRECONDITION_FAILED.title());
        }
        if (body) {
            errors.put("413", ErrorCode.PAYLOAD_TOO_LARGE.title());
            errors.put("415", ErrorCode.UNSUPPORTED_MEDIA_TYPE.title());
        }
        if (body || query) {
            errors.put("422", ErrorCode.VALIDATION_FAILED.title());
        }
        if (ifMatch) {
            errors.put("428", ErrorCode.PRECONDITION_REQUIRED.title());
        }
        if (write && isPublic(method)) {
            errors.put("429", ErrorCode.TOO_MANY_REQUESTS.title());
        }
        return errors;
    }

    private static APIResponse problem(String title) {
        return OASFactory.createAPIResponse().description(title).content(OASFactory.createContent()
                .addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    /** RFC 9457 problem details as {@link Problems} writes them. */
    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                // A glossary hit (POST /api/tasks/{id}/submit) says more about itself.
                .addProperty("kind", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("termId", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("term", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("found", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("preferred", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("offset", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; 409s also name the current state and the allowed actions")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError))
                .addProperty("correlationId", text)
                .additionalPropertiesBoolean(true);
    }

    static boolean isPublic(Method method) {
        return access(method) instanceof Anyone;
    }

    /** The access annotation in force: the method's, else its class's (as {@code RoleCheck} reads them). */
    private static java.lang.annotation.Annotation access(Method method) {
        return declared(method) != null ? declared(method) : declared(method.getDeclaringClass());
    }

    private static java.lang.annotation.Annotation declared(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .filter(a -> a instanceof Anyone || a instanceof SignedIn || a instanceof RequiresRole)
                .findFirst().orElse(null);
    }
}
