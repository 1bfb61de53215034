package newsdesk.platform;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The web application's default error page (WEB-INF/web.xml): errors the servlet container raises
 * itself, before or outside JAX-RS (a request for /WEB-INF/…, an unmapped method), become problem+json
 * instead of Payara's HTML page, which names the server and its version. Asked for directly, it is
 * just one more unknown path.
 */
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = status instanceof Integer known ? codeFor(known) : ErrorCode.NOT_FOUND;
        String detail = code == ErrorCode.NOT_FOUND ? "Nothing here" : code.title();
        byte[] body = Json.createObjectBuilder()
                .add("type", code.type())
                .add("title", code.title())
                .add("status", code.status())
                .add("detail", detail)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(code.status());
        response.setContentType(Problems.MEDIA_TYPE + ";charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The status the container chose, kept; an unknown 4xx is a malformed request, an unknown 5xx internal. */
    private static ErrorCode codeFor(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.status() == status)
                .findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST);
    }
}
