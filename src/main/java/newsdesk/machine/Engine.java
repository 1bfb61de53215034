package newsdesk.machine;

import java.time.Duration;

/** A machine translation engine for some language pairs. Never throws: every failure is an {@link EngineResult}. */
interface Engine {

    /** The name shown with its suggestions, e.g. "apertium". */
    String name();

    /** Translates one segment's plain text within {@code timeout}; a slower engine is stopped (TIMEOUT). */
    EngineResult translate(String text, String from, String to, Duration timeout);

    /**
     * Translates one segment given as HTML markup whose tags stand for inline codes ({@link MarkupCodes}); the
     * engine passes the tags through, and the answer is markup too.
     */
    EngineResult translateMarkup(String html, String from, String to, Duration timeout);
}
