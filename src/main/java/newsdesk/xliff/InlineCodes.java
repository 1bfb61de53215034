package newsdesk.xliff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A target must keep every inline code of its source exactly once, each as the kind it is (wrapping or
 * standalone); the translator may move codes and change the text inside them. The markup each code
 * stands for is restored from the source on the server, so a file can never inject or drop markup.
 */
final class InlineCodes {

    private InlineCodes() {
    }

    /** What is wrong with the target's codes; empty when they match (an absent target has none to check). */
    static List<String> check(Segment source, List<Part> target) {
        if (target == null || target.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> counts = new HashMap<>();
        List<String> errors = new ArrayList<>();
        collect(source, target, counts, errors);
        source.codes().forEach((id, code) -> {
            int count = counts.getOrDefault(id, 0);
            if (count == 0) {
                errors.add("code " + id + " (<" + code.tag() + ">) is missing from the target");
            } else if (count > 1) {
                errors.add("code " + id + " (<" + code.tag() + ">) appears " + count + " times in the target");
            }
        });
        return errors;
    }

    private static void collect(Segment source, List<Part> content, Map<Integer, Integer> counts, List<String> errors) {
        for (Part part : content) {
            int id;
            boolean paired;
            if (part instanceof Part.Paired p) {
                id = p.id();
                paired = true;
                collect(source, p.content(), counts, errors);
            } else if (part instanceof Part.Standalone s) {
                id = s.id();
                paired = false;
            } else {
                continue;
            }
            Segment.Code code = source.codes().get(id);
            if (code == null) {
                errors.add("code " + id + " is not in the source segment");
            } else if (code.paired() != paired) {
                errors.add("code " + id + " (<" + code.tag() + ">) is " + (code.paired() ? "a wrapping" : "a standalone")
                        + " code in the source");
            } else {
                counts.merge(id, 1, Integer::sum);
            }
        }
    }
}
