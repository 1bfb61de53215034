package newsdesk.machine;

import newsdesk.desk.MachineSuggestion.Status;

/** What an engine made of one segment: a translation (OK), or why there is none (FAILED, TIMEOUT). */
record EngineResult(Status status, String text, String detail, long millis) {

    static EngineResult failed(String detail, long millis) {
        return new EngineResult(Status.FAILED, null, detail, millis);
    }

    static EngineResult timeout(long millis) {
        return new EngineResult(Status.TIMEOUT, null, "no answer within " + millis + " ms; stopped", millis);
    }

    /** The engine's answer, refused when it cannot be a translation of {@code source} (empty, binary, runaway). */
    static EngineResult answer(String source, String output, long millis) {
        String text = output == null ? "" : output.strip();
        if (text.isEmpty()) {
            return failed("the engine returned no text", millis);
        }
        if (text.codePoints().anyMatch(c -> c == 0xFFFD || Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return failed("the engine returned bytes that are not clean UTF-8 text", millis);
        }
        if (text.length() > 10 * source.length() + 200) {
            return failed("the engine returned far more text than it was given", millis);
        }
        return new EngineResult(Status.OK, text, null, millis);
    }
}
