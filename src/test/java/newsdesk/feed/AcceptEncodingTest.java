package newsdesk.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Accept-Encoding headers get the gzip representation (RFC 9110 §12.5.3). */
class AcceptEncodingTest {

    @Test
    void gzipWhenListedOrCoveredByAStarWithoutQZero() {
        assertTrue(ConditionalGet.acceptsGzip("gzip"));
        assertTrue(ConditionalGet.acceptsGzip("deflate, GZIP;q=0.5, br"));
        assertTrue(ConditionalGet.acceptsGzip("x-gzip"));
        assertTrue(ConditionalGet.acceptsGzip("br, *"));
        assertTrue(ConditionalGet.acceptsGzip("*;q=0, gzip"));
    }

    @Test
    void plainWhenAbsentRefusedOrOnlyOtherCodings() {
        assertFalse(ConditionalGet.acceptsGzip(null));
        assertFalse(ConditionalGet.acceptsGzip(""));
        assertFalse(ConditionalGet.acceptsGzip("identity"));
        assertFalse(ConditionalGet.acceptsGzip("br, deflate"));
        assertFalse(ConditionalGet.acceptsGzip("gzip;q=0"));
        assertFalse(ConditionalGet.acceptsGzip("gzip; q=0.000, *"));
        assertFalse(ConditionalGet.acceptsGzip("*;q=0"));
        assertFalse(ConditionalGet.acceptsGzip("gzip;q=nonsense"));
    }
}
