package newsdesk.machine;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaggerlessModesTest {

    private static final String D = "/usr/share/apertium/apertium-rus-ukr/";

    /** Debian 12's rus-ukr.mode (apertium-rus-ukr 0.2.1), as installed. */
    private static final String RUS_UKR = "lt-proc -w '" + D + "rus-ukr.automorf.bin' | cg-proc -w '" + D
            + "rus-ukr.rlx.bin' | apertium-tagger -g $2 '" + D + "rus-ukr.prob' | apertium-pretransfer | lt-proc -b '"
            + D + "rus-ukr.autobil.bin' | lt-proc $1 '" + D + "rus-ukr.autogen.bin'\n";

    @Test
    void theTaggerStageGoesAndTheGrammarKeepsItsFirstReadingInTheTaggersFormat() {
        assertEquals(Optional.of("lt-proc -w '" + D + "rus-ukr.automorf.bin' | cg-proc -w -1 -n '" + D
                + "rus-ukr.rlx.bin' | apertium-pretransfer | lt-proc -b '" + D + "rus-ukr.autobil.bin' | lt-proc $1 '"
                + D + "rus-ukr.autogen.bin'\n"), TaggerlessModes.derive(RUS_UKR));
    }

    @Test
    void aModeWithoutATaggerOrWithoutAGrammarBeforeItIsLeftAlone() {
        assertEquals(Optional.empty(), TaggerlessModes.derive("lt-proc -w 'a.bin' | cg-proc 'b.bin' | lt-proc $1 'c.bin'"));
        assertEquals(Optional.empty(), TaggerlessModes.derive("lt-proc 'a.bin' | apertium-tagger -g $2 'b.prob' | x"));
    }
}
