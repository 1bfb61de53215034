package newsdesk.xliff;

import newsdesk.platform.Invalid;

import java.util.Arrays;

/** The XLIFF versions Newsdesk writes and reads. */
public enum XliffVersion {
    V1_2("1.2", "urn:oasis:names:tc:xliff:document:1.2"),
    V2_1("2.1", "urn:oasis:names:tc:xliff:document:2.0");

    /** Newsdesk's own attributes (task, source revision, hashes): CAT tools keep foreign-namespace attributes. */
    static final String NEWSDESK = "urn:newsdesk:xliff";

    final String number;
    final String namespace;

    XliffVersion(String number, String namespace) {
        this.number = number;
        this.namespace = namespace;
    }

    /** {@code ?version=}: 1.2 when not given. */
    public static XliffVersion of(String version) {
        if (version == null || version.isBlank()) {
            return V1_2;
        }
        return Arrays.stream(values()).filter(v -> v.number.equals(version.strip())).findFirst()
                .orElseThrow(() -> Invalid.field("version", "use 1.2 or 2.1"));
    }
}
