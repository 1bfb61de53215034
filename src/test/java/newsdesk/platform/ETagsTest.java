package newsdesk.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void anETagIsTheQuotedVersion() {
        assertEquals("\"7\"", ETags.of(7));
        assertEquals(7, ETags.expectedVersion("\"7\""));
    }

    @Test
    void aMissingIfMatchIs428() {
        assertEquals(ErrorCode.PRECONDITION_REQUIRED, assertThrows(PreconditionFailed.class,
                () -> ETags.expectedVersion(null)).code());
        assertEquals(ErrorCode.PRECONDITION_REQUIRED, assertThrows(PreconditionFailed.class,
                () -> ETags.expectedVersion(" ")).code());
    }

    @Test
    void anUnquotedTagIsMalformedAndAForeignOneNeverMatches() {
        assertEquals(ErrorCode.MALFORMED_REQUEST, assertThrows(NewsdeskException.class,
                () -> ETags.expectedVersion("7")).code());
        assertEquals(-1, ETags.expectedVersion("\"abc\""));
    }

    @Test
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
        assertEquals(-1, ETags.expectedVersion("W/\"7\""));
        assertEquals(-1, ETags.expectedVersion(" W/\"12\" "));
    }
}
