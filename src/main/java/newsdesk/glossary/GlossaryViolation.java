package newsdesk.glossary;

import newsdesk.platform.ErrorCode;
import newsdesk.platform.NewsdeskException;

import java.util.List;

/** A translation breaks the glossary: 422 whose {@code errors} are the hits (field, message and the term's details). */
public class GlossaryViolation extends NewsdeskException {

    GlossaryViolation(List<GlossaryHit> hits) {
        super(ErrorCode.VALIDATION_FAILED, hits.size() == 1 ? "The translation breaks the glossary: "
                + hits.get(0).message() : "The translation breaks the glossary " + hits.size() + " times");
        with("errors", List.copyOf(hits));
    }
}
