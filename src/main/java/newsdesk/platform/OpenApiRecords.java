package newsdesk.platform;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Response bodies of methods that return a JAX-RS {@code Response} (conditional GETs) and name their record
 * in {@code @APIResponse(content = @Content(schema = @Schema(implementation = X.class)))}: Payara writes an
 * empty object there, so the record's components become a named schema and the response refers to it.
 */
final class OpenApiRecords {

    private OpenApiRecords() {
    }

    static void describe(Operation operation, Method method, Components components) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (org.eclipse.microprofile.openapi.annotations.responses.APIResponse annotation : annotations(method)) {
            APIResponse response = operation.getResponses().getAPIResponses().get(annotation.responseCode());
            for (var content : annotation.content()) {
                Class<?> type = content.schema().implementation();
                if (response == null || response.getContent() == null || !type.isRecord()) {
                    continue;
                }
                MediaType media = response.getContent().getMediaType(content.mediaType());
                if (media != null) {
                    media.setSchema(reference(type, components));
                }
            }
        }
    }

    private static List<org.eclipse.microprofile.openapi.annotations.responses.APIResponse> annotations(Method method) {
        APIResponses several = method.getAnnotation(APIResponses.class);
        return several != null ? Arrays.asList(several.value()) : Arrays.asList(method.getAnnotationsByType(
                org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class));
    }

    /** A $ref to the record's schema, added to the components (with the records it holds) the first time. */
    private static Schema reference(Class<?> record, Components components) {
        String name = record.getSimpleName();
        Map<String, Schema> known = components.getSchemas();
        if (known == null || !known.containsKey(name)) {
            Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            components.addSchema(name, schema);
            for (RecordComponent component : record.getRecordComponents()) {
                schema.addProperty(component.getName(), of(component.getGenericType(), components));
            }
        }
        return OASFactory.createSchema().ref(name);
    }

    private static Schema of(Type type, Components components) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(of(generic.getActualTypeArguments()[0], components));
        }
        Class<?> raw = type instanceof Class<?> c ? c : Object.class;
        if (raw.isRecord()) {
            return reference(raw, components);
        }
        if (raw == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (raw == Instant.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (raw == UUID.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
}
