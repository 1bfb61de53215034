package newsdesk.launcher.grizzly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestPathsTest {

    @Test
    void pathsTheWebContainerCanServePass() {
        for (String path : new String[] {"/", "*", "/api/accounts/a%2Fb", "/public/uk/articles/%D0%BA%D0%B8%D1%97%D0%B2",
                "/feeds/uk/archive/+999999999-12.xml", "/api/accounts;jsessionid=1", "/%41%62"}) {
            assertTrue(RequestPaths.problem(path).isEmpty(), path);
        }
    }

    @Test
    void brokenEscapesAreNamed() {
        for (String path : new String[] {"/api/accounts/%zz", "/api/%", "/api/%4", "/api/%4g", "/api/%%31"}) {
            assertEquals("The path has a '%' that is not followed by two hexadecimal digits",
                    RequestPaths.problem(path).orElseThrow(), path);
        }
    }

    @Test
    void escapesThatAreNotUtf8AreNamed() {
        for (String path : new String[] {"/api/%FF", "/api/%C3%28", "/api/%C3", "/api/%ED%A0%80"}) {
            assertEquals("The path is not UTF-8 once its percent-escapes are decoded", RequestPaths.problem(path).orElseThrow(), path);
        }
    }

    @Test
    void nulAndBackslashAreRefusedWhetherEscapedOrNot() {
        assertEquals("The path contains a NUL character", RequestPaths.problem("/api/accounts/%00").orElseThrow());
        assertEquals("The path contains a backslash", RequestPaths.problem("/api/a%5Cb").orElseThrow());
        assertEquals("The path contains a backslash", RequestPaths.problem("/api/a\\b").orElseThrow());
    }

    @Test
    void aRequestLineWithoutAPathIsRefused() {
        assertEquals("The request line must name a path starting with '/'", RequestPaths.problem("").orElseThrow());
        assertEquals("The request line must name a path starting with '/'", RequestPaths.problem("api").orElseThrow());
    }
}
