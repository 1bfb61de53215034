package newsdesk.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every endpoint the application declares, read from its JAX-RS annotations (so no test list goes stale). */
public final class Endpoints {

    private Endpoints() {
    }

    /** One endpoint: method, path template and the annotation that declares who may call it. */
    public record Endpoint(String method, String path, Annotation access) {

        /** The path with each {param} filled in with a plausible value. */
        public String samplePath() {
            return path.replaceAll("\\{[^}]*id}", "00000000-0000-0000-0000-000000000001").replaceAll("\\{[^}]*}", "en");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("newsdesk")) {
            Class<?> type = javaClass.reflect();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = normalize(classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()));
                    endpoints.add(new Endpoint(verb, path, access(method).or(() -> access(type)).orElse(null)));
                });
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static Optional<Annotation> access(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .filter(a -> a.annotationType().getPackageName().equals("newsdesk.platform")
                        && List.of("Anyone", "SignedIn", "RequiresRole").contains(a.annotationType().getSimpleName()))
                .findFirst();
    }

    private static String normalize(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/");
        return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
