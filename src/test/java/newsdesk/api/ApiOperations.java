package newsdesk.api;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import newsdesk.testing.Desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations /openapi describes, read with swagger-parser: what the generated tests walk. */
final class ApiOperations {

    private ApiOperations() {
    }

    /** One operation with its parameters and its JSON request body's fields (schema references resolved). */
    record Operation(String id, String method, String path, List<Parameter> parameters, boolean hasBody,
                     Map<String, Schema<?>> bodyFields, List<String> documentedCodes) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> where.equals(p.getIn())).toList();
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    static List<Operation> read(Desk desk) {
        String document = desk.anonymous().accept("application/json").get("/openapi").then().statusCode(200)
                .extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI api = new OpenAPIParser().readContents(document, null, options).getOpenAPI();
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
            Map<String, Schema<?>> fields = new LinkedHashMap<>();
            boolean hasBody = operation.getRequestBody() != null;
            if (hasBody && operation.getRequestBody().getContent().get("application/json") != null) {
                Schema<?> body = resolve(api, operation.getRequestBody().getContent().get("application/json").getSchema());
                if (body.getProperties() != null) {
                    body.getProperties().forEach((name, schema) -> fields.put(name, resolve(api, schema)));
                }
            }
            operations.add(new Operation(operation.getOperationId(), verb.name(), path,
                    operation.getParameters() == null ? List.of() : List.copyOf(operation.getParameters()), hasBody,
                    fields, List.copyOf(operation.getResponses().keySet())));
        }));
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** Follows a {@code $ref} to its component; array items are resolved too. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Schema<?> resolved = schema;
        while (resolved != null && resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            resolved = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (resolved != null && resolved.getItems() != null) {
            Schema copy = new Schema<>();
            copy.setType(resolved.getType());
            copy.setItems(resolve(api, resolved.getItems()));
            return copy;
        }
        return resolved;
    }
}
