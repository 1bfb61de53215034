package newsdesk.platform;

import jakarta.json.bind.annotation.JsonbTransient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RequestFingerprintTest {

    public enum Kind { MAJOR, MINOR }

    public record Inner(UUID id, Instant at) {
    }

    public record Story(String title, List<String> tags, Integer priority, Boolean urgent, Kind kind, Inner inner,
                 @JsonbTransient String secret) {
    }

    private static final UUID ID = UUID.fromString("0b9f8c52-4d0e-4c57-9a41-2f3c6f1d7e21");
    private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    private static Story story() {
        return new Story("Title", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s");
    }

    @Test
    void equalRequestsShareAFingerprintAndTransientMembersDoNotCount() {
        assertArrayEquals(RequestFingerprint.of(story()), RequestFingerprint.of(story()));
        Story other = new Story("Title", new ArrayList<>(List.of("a", "b")), 3, true, Kind.MAJOR, new Inner(ID, AT), "t");
        assertArrayEquals(RequestFingerprint.of(story()), RequestFingerprint.of(other));
    }

    @Test
    void everyDifferenceChangesIt() {
        List<Story> variants = List.of(story(),
                new Story("Title ", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story(null, List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("ab"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a,b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("b", "a"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of(), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", null, 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", Arrays.asList("a", null), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "null"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), 4, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), null, true, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), 3, false, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), 3, null, Kind.MAJOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), 3, true, Kind.MINOR, new Inner(ID, AT), "s"),
                new Story("Title", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(UUID.randomUUID(), AT), "s"),
                new Story("Title", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT.plusNanos(1000)), "s"),
                new Story("Title", List.of("a", "b"), 3, true, Kind.MAJOR, null, "s"),
                new Story("Title3", List.of("a", "b"), null, true, Kind.MAJOR, new Inner(ID, AT), "s"));
        Set<String> fingerprints = new HashSet<>();
        variants.forEach(v -> fingerprints.add(Arrays.toString(RequestFingerprint.of(v))));
        assertEquals(variants.size(), fingerprints.size());
    }

    @Test
    void aKeyStoredWithTheOlderFingerprintStillMatchesItsRequest() {
        byte[] fingerprint = RequestFingerprint.of(story());
        assertTrue(Idempotency.sameRequest(fingerprint, fingerprint, story()));
        assertTrue(Idempotency.sameRequest(RequestFingerprint.legacy(story()), fingerprint, story()));
        Story other = new Story("Other", List.of("a", "b"), 3, true, Kind.MAJOR, new Inner(ID, AT), "s");
        assertFalse(Idempotency.sameRequest(RequestFingerprint.legacy(other), fingerprint, story()));
        assertFalse(Idempotency.sameRequest(RequestFingerprint.of(other), fingerprint, story()));
    }
}
