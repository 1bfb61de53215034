package newsdesk.outbox;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NOTIFY payload other instances read: languages survive the trip; anything unreadable means everything. */
class ReadersChangedTest {

    @Test
    void languagesRoundTripAndEverythingIsAStar() {
        ReadersChanged changed = new ReadersChanged(Set.of("uk", "en"), false);
        assertEquals(changed, ReadersChanged.parse(changed.payload()));
        assertEquals("*", ReadersChanged.all().payload());
        assertEquals("*", new ReadersChanged(Set.of(), false).payload());
        assertTrue(ReadersChanged.parse("*").everything());
        assertTrue(ReadersChanged.parse("").everything());
        assertTrue(ReadersChanged.parse(null).everything());
    }

    @Test
    void aHandWrittenPayloadNamingALanguageTwiceIsStillRead() {
        assertEquals(Set.of("uk"), ReadersChanged.parse("uk,uk").languages());
    }
}
