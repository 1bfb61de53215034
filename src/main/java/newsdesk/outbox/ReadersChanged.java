package newsdesk.outbox;

import java.util.Set;

/**
 * What readers see changed in these languages (or in everything: a site language renamed or disabled), for
 * caches of rendered documents. Fired as a CDI event on the writing instance after its transaction commits;
 * other instances hear it as a PostgreSQL notification on {@link #CHANNEL} (see {@link #payload()}).
 */
public record ReadersChanged(Set<String> languages, boolean everything) {

    /** The NOTIFY channel the outbox relay signals on. */
    public static final String CHANNEL = "newsdesk_readers";

    /** NOTIFY payloads stop at 8000 bytes; a batch naming more languages than this says "everything". */
    private static final int PAYLOAD_LIMIT = 7000;

    public static ReadersChanged all() {
        return new ReadersChanged(Set.of(), true);
    }

    /** "uk,en" for languages, "*" for everything. */
    public String payload() {
        String listed = String.join(",", languages);
        return everything || listed.isEmpty() || listed.length() > PAYLOAD_LIMIT ? "*" : listed;
    }

    public static ReadersChanged parse(String payload) {
        if (payload == null || payload.isBlank() || payload.equals("*")) {
            return all();
        }
        // copyOf, not Set.of: a payload someone NOTIFYs by hand may name a language twice.
        return new ReadersChanged(Set.copyOf(java.util.Arrays.asList(payload.split(","))), false);
    }
}
