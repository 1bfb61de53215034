package newsdesk.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifies a delivery with an implementation of the Standard Webhooks spec independent of the server's: a
 * few lines of Python's hmac/hashlib/base64 in a subprocess (key = base64 after "whsec_", signed content
 * "id.timestamp.body", any "v1,<base64>" among the space-separated signatures, compared in constant time).
 */
final class StandardWebhooks {

    private static final String VERIFY = """
            import base64, hashlib, hmac, sys
            secret, msg_id, timestamp, signatures = sys.argv[1:5]
            body = sys.stdin.buffer.read()
            key = base64.b64decode(secret[len("whsec_"):])
            expected = base64.b64encode(hmac.new(key, msg_id.encode() + b"." + timestamp.encode() + b"." + body,
                                                 hashlib.sha256).digest()).decode()
            ok = any(s.startswith("v1,") and hmac.compare_digest(s[3:], expected) for s in signatures.split(" "))
            print("valid" if ok else "invalid")
            """;

    private StandardWebhooks() {
    }

    static boolean verify(String secret, Receiver.Request request) {
        try {
            Process python = new ProcessBuilder(List.of("python3", "-c", VERIFY, secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.header("webhook-signature"))).redirectErrorStream(true).start();
            python.getOutputStream().write(request.body().getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!python.waitFor(30, TimeUnit.SECONDS)) {
                python.destroyForcibly();
                throw new AssertionError("python3 did not finish");
            }
            if (!out.equals("valid") && !out.equals("invalid")) {
                throw new AssertionError("python3 said: " + out);
            }
            return out.equals("valid");
        } catch (IOException e) {
            throw new AssertionError("cannot run python3", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
