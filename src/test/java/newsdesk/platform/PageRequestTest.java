package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void theLimitDefaultsTo50AndIsClampedTo100() {
        assertEquals(50, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of(5000, null).limit());
        assertEquals(3, PageRequest.of(3, null).limit());
        assertThrows(Invalid.class, () -> PageRequest.of(0, null));
    }

    @Test
    void aCursorRoundTripsTheLastSortKey() {
        PageRequest first = PageRequest.of(2, null);
        Page<String> page = first.page(List.of("ірина", "олена", "тарас"), Function.identity());
        assertEquals(List.of("ірина", "олена"), page.items());
        assertEquals("олена", PageRequest.of(2, page.nextCursor()).after());
    }

    @Test
    void theLastPageHasNoCursor() {
        assertNull(PageRequest.of(2, null).page(List.of("a", "b"), Function.identity()).nextCursor());
    }

    @Test
    void aForgedCursorIsRejected() {
        assertThrows(Invalid.class, () -> PageRequest.of(2, "%%%"));
    }

    @Test
    void aCursorHoldingWhatThisServerNeverWritesIsRejected() {
        Base64.Encoder base64 = Base64.getUrlEncoder();
        assertThrows(Invalid.class, () -> PageRequest.of(2, base64.encodeToString("a\u0000b".getBytes(StandardCharsets.UTF_8))));
        assertThrows(Invalid.class, () -> PageRequest.of(2, base64.encodeToString(new byte[] {(byte) 0xff})));
        assertThrows(Invalid.class, () -> SortKey.instant("+999999999-12-31T23:59:59Z"));
        assertThrows(Invalid.class, () -> SortKey.parts("2026-01-01T00:00:00Z", 2));
    }
}
