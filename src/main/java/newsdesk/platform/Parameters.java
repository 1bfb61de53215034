package newsdesk.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every query and path parameter, and the headers the API reads, before any resource sees them:
 * percent-encoding that is not UTF-8 or a number or flag that is not one is a 400 naming the
 * parameter (JAX-RS would answer 404, or read "yes" as false); text breaking {@link TextRules} is a
 * 422 naming it. Runs after authentication, so strangers learn nothing about the parameters.
 */
@Provider
@Priority(Priorities.USER)
public class Parameters implements ContainerRequestFilter {

    /** No id, code, filter or cursor of this API comes near this; a longer one is a mistake or a probe. */
    static final int MAX_PARAMETER_LENGTH = 1000;

    private static final List<String> HEADERS_READ = List.of("Idempotency-Key", "If-Match", "If-None-Match");

    private static final Map<Class<?>, Predicate<String>> TYPES = Map.of(
            int.class, Parameters::isInt, Integer.class, Parameters::isInt,
            long.class, Parameters::isLong, Long.class, Parameters::isLong,
            boolean.class, Parameters::isFlag, Boolean.class, Parameters::isFlag);

    /** A resource method's typed parameters, read by reflection once per method (not on every request). */
    private static final Map<Method, List<TypedParameter>> TYPED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(false));
        check(request.getUriInfo().getQueryParameters(false));
        for (String header : HEADERS_READ) {
            String value = request.getHeaderString(header);
            if (value != null) {
                TextRules.check(header, value);
            }
        }
        Method method = resource.getResourceMethod();
        if (method != null) {
            checkTypes(method, request.getUriInfo().getQueryParameters(), request.getHeaders());
        }
    }

    private static void check(MultivaluedMap<String, String> encoded) {
        encoded.forEach((encodedName, values) -> {
            String name = decode(encodedName).orElse("parameter");
            TextRules.check(name, name);
            for (String value : values) {
                String decoded = decode(value).orElseThrow(() -> Malformed.parameter(name, "is not percent-encoded UTF-8"));
                TextRules.check(name, decoded);
                if (decoded.length() > MAX_PARAMETER_LENGTH) {
                    throw Invalid.field(name, "must be at most " + MAX_PARAMETER_LENGTH + " characters");
                }
            }
        });
    }

    /** Numbers and flags are checked here, by the declared type, so no conversion fails inside JAX-RS. */
    private static void checkTypes(Method method, MultivaluedMap<String, String> query, MultivaluedMap<String, String> headers) {
        for (TypedParameter parameter : TYPED.computeIfAbsent(method, Parameters::typed)) {
            List<String> values = parameter.query() ? query.get(parameter.name()) : headers.get(parameter.name());
            if (values != null && values.stream().anyMatch(parameter.valid().negate())) {
                throw Malformed.parameter(parameter.name(), parameter.message());
            }
        }
    }

    /** A query or header parameter of a number or flag type: its name, where it is sent, its check and problem. */
    private record TypedParameter(String name, boolean query, Predicate<String> valid, String message) {
    }

    private static List<TypedParameter> typed(Method method) {
        List<TypedParameter> typed = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Predicate<String> valid = TYPES.get(parameter.getType());
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            HeaderParam headerParam = parameter.getAnnotation(HeaderParam.class);
            if (valid == null || queryParam == null && headerParam == null) {
                continue;
            }
            typed.add(new TypedParameter(queryParam != null ? queryParam.value() : headerParam.value(), queryParam != null,
                    valid, parameter.getType() == boolean.class || parameter.getType() == Boolean.class
                            ? "must be true or false" : "must be a whole number"));
        }
        return List.copyOf(typed);
    }

    /** Strict percent-decoding: the bytes must be UTF-8 (JAX-RS would put U+FFFD in silently). */
    static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int value = i + 2 < encoded.length() ? hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)) : -1;
                if (value < 0) {
                    return Optional.empty();
                }
                bytes.write(value);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return TextRules.strictUtf8(bytes.toByteArray());
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }

    private static boolean isInt(String text) {
        return text.isEmpty() || parses(() -> Integer.parseInt(text));
    }

    private static boolean isLong(String text) {
        return text.isEmpty() || parses(() -> Long.parseLong(text));
    }

    private static boolean isFlag(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
