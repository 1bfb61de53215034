package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashesTest {

    @Test
    void sha256OfTheStandardsVectorsOnEveryThread() {
        // FIPS 180-2 examples; each hash works on its own copy of the digest, so threads may hash at once.
        List<String> hashes = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> HexFormat.of().formatHex(Hashes.sha256(i % 2 == 0 ? "abc" : ""))).toList();
        for (int i = 0; i < hashes.size(); i++) {
            assertEquals(i % 2 == 0 ? "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                    : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hashes.get(i));
        }
    }
}
