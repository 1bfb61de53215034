package newsdesk.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The application's JAX-RS resource methods keyed by "METHOD /path/{template}", found by reading the
 * classes under {@code newsdesk} in the deployment: the OpenAPI filter reads their annotations, so the
 * document follows the code without annotations on every resource method.
 */
final class OpenApiEndpoints {

    private static final String ROOT = "newsdesk";

    private final Map<String, Method> byKey;

    private OpenApiEndpoints(Map<String, Method> byKey) {
        this.byKey = byKey;
    }

    static OpenApiEndpoints scan(ClassLoader loader) {
        Map<String, Method> endpoints = new HashMap<>();
        for (Class<?> type : classes(loader)) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                    endpoints.put(key(verb, path), method);
                });
            }
        }
        return new OpenApiEndpoints(endpoints);
    }

    Optional<Method> find(String httpMethod, String path) {
        return Optional.ofNullable(byKey.get(key(httpMethod, path)));
    }

    static String key(String httpMethod, String path) {
        String normalized = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return httpMethod.toUpperCase(java.util.Locale.ROOT) + " " + normalized;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static List<Class<?>> classes(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(ROOT)).stream()
                    .flatMap(OpenApiEndpoints::classNames)
                    .distinct()
                    .flatMap(name -> load(loader, name).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the application's classes", e);
        }
    }

    private static Stream<String> classNames(URL root) {
        try {
            if ("jar".equals(root.getProtocol())) {
                var jar = ((JarURLConnection) root.openConnection()).getJarFile();
                return jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith(ROOT + "/") && name.endsWith(".class"))
                        .map(OpenApiEndpoints::className).toList().stream();
            }
            java.nio.file.Path base = Paths.get(root.toURI()).getParent();
            try (Stream<java.nio.file.Path> files = Files.walk(base.resolve(ROOT))) {
                return files.map(file -> base.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                        .filter(name -> name.endsWith(".class"))
                        .map(OpenApiEndpoints::className).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes in " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable class folder " + root, e);
        }
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }

    /** Classes that cannot be loaded here (the launcher's, left out of the WAR) are simply not endpoints. */
    private static Optional<Class<?>> load(ClassLoader loader, String name) {
        if (name.endsWith("package-info") || name.contains("$")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
