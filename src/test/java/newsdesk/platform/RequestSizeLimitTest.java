package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A streamed body (a TMX import) gives its reader bytes up to its limit and a 413 past it, however it is read. */
class RequestSizeLimitTest {

    @Test
    void aStreamedBodyIsRefusedOnceItPassesItsLimit() throws IOException {
        RequestSizeLimit.Bounded exact = new RequestSizeLimit.Bounded(new ByteArrayInputStream(new byte[64]), 64);
        assertEquals(64, exact.readAllBytes().length);

        RequestSizeLimit.Bounded over = new RequestSizeLimit.Bounded(new ByteArrayInputStream(new byte[100]), 64);
        assertEquals(60, over.readNBytes(60).length);
        assertEquals(0, over.read());
        assertEquals(3, over.skip(3));
        NewsdeskException refused = assertThrows(NewsdeskException.class, over::read);
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, refused.code());
        assertEquals("The request body is larger than 64 bytes", refused.getMessage());
    }
}
