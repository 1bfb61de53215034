package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRulesTest {

    @Test
    void ordinaryTextTabsLineBreaksAndEmojiPass() {
        assertEquals(Optional.empty(), TextRules.problem("Київ\tготується\r\nдо зими 🇺🇦 \u00a0\u0085"));
    }

    @Test
    void controlsDelLoneSurrogatesAndNonCharactersAreRefused() {
        for (String bad : new String[] {"\u0000", "a\u0001", "\u001f", "\u007f", "\ud800", "x\udc00", "\ud83c", "\uffff",
                "\ufffe", "\u000b", "\u000c"}) {
            assertTrue(TextRules.problem(bad).isPresent(), () -> "accepted U+" + Integer.toHexString(bad.charAt(bad.length() - 1)));
        }
        assertEquals(Optional.of("must not hold the control character U+0000 (at position 2)"), TextRules.problem("ab\u0000"));
    }

    @Test
    void malformedUtf8IsRefusedRatherThanReplaced() {
        assertEquals(Optional.of("ї"), TextRules.strictUtf8("ї".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), TextRules.strictUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
        assertEquals(Optional.empty(), TextRules.strictUtf8(new byte[] {'a', (byte) 0x80}));
    }

    @Test
    void percentDecodingIsStrict() {
        assertEquals(Optional.of("a b+ї"), Parameters.decode("a%20b+%D1%97"));
        assertEquals(Optional.empty(), Parameters.decode("%ED%A0%80"));
        assertEquals(Optional.empty(), Parameters.decode("%zz"));
        assertEquals(Optional.empty(), Parameters.decode("%4"));
    }
}
