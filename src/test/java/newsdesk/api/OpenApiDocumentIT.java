package newsdesk.api;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /openapi is a document a client generator accepts: swagger-parser (independent of Payara) reads it
 * with no message, in JSON and in YAML (Payara serves YAML as text/plain), and every operation is named, answers named status codes and
 * reports errors as problem+json.
 */
@ExtendWith(NewsdeskServer.class)
class OpenApiDocumentIT {

    private final Desk desk;

    OpenApiDocumentIT(Desk desk) {
        this.desk = desk;
    }

    static OpenAPI read(Desk desk, String accept) {
        String document = desk.anonymous().accept(accept).get("/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertEquals(List.of(), result.getMessages(), "swagger-parser's messages about /openapi (" + accept + ")");
        return result.getOpenAPI();
    }

    @Test
    void validatesAsOpenApi3InJsonAndYaml() {
        assertTrue(read(desk, "application/json").getOpenapi().startsWith("3."));
        assertTrue(read(desk, "text/plain").getOpenapi().startsWith("3."));
        Map<String, Object> top = desk.anonymous().accept("application/json").get("/openapi").then().extract().path("");
        assertEquals(List.of(), top.keySet().stream().filter(key -> !key.startsWith("x-") && !List.of("openapi",
                "info", "servers", "paths", "components", "security", "tags", "externalDocs").contains(key)).toList(),
                "top-level keys the OpenAPI 3.0 schema does not allow");
    }

    @Test
    void everyOperationIsUniquelyNamedAndAnswersNamedStatusCodes() {
        OpenAPI api = read(desk, "application/json");
        Map<String, String> owners = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
            String where = verb + " " + path;
            String id = operation.getOperationId();
            if (id == null || id.isBlank()) {
                faults.add(where + ": no operationId");
            } else if (owners.put(id, where) != null) {
                faults.add(where + ": operationId " + id + " is also used by another operation");
            }
            var responses = operation.getResponses();
            if (responses.containsKey("default")) {
                faults.add(where + ": answers 'default' instead of named status codes");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                faults.add(where + ": no success status");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4")) {
                    MediaType problem = response.getContent() == null ? null
                            : response.getContent().get("application/problem+json");
                    if (problem == null || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                        faults.add(where + ": " + code + " is not application/problem+json with the Problem schema");
                    }
                }
            });
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                boolean looksLikeId = parameter.getName().equals("id") || parameter.getName().endsWith("Id");
                if ("path".equals(parameter.getIn()) && looksLikeId && !"uuid".equals(parameter.getSchema().getFormat())) {
                    faults.add(where + ": path parameter " + parameter.getName() + " is not format uuid");
                }
            }
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    String ref = media.getSchema().get$ref();
                    var schema = ref == null ? media.getSchema()
                            : api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                    // A file upload (a zip) is typed by its format; structured bodies name their properties.
                    boolean file = schema != null && "binary".equals(schema.getFormat()) && !type.contains("json");
                    if (!file && (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty())) {
                        faults.add(where + ": request body " + type + " has no schema with properties");
                    }
                });
            }
        }));
        assertFalse(owners.isEmpty(), "no operations in /openapi");
        assertEquals(List.of(), faults);
    }

    @Test
    void theProblemSchemaDescribesRfc9457Bodies() {
        var problem = read(desk, "application/json").getComponents().getSchemas().get("Problem");
        assertTrue(problem.getProperties().keySet().containsAll(
                List.of("type", "title", "status", "detail", "instance", "errors", "correlationId")),
                "Problem properties: " + problem.getProperties().keySet());
    }
}
