package newsdesk.xliff;

import jakarta.enterprise.context.ApplicationScoped;
import newsdesk.desk.Draft;
import newsdesk.desk.TaskView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets from the task's draft: the draft is cut like the source and aligned with it block by block and
 * sentence by sentence; a block whose sentence count differs, a sentence whose markup differs from its
 * source's, or one still equal to its source proposes nothing (the export then copies the source there).
 */
@ApplicationScoped
public class DraftSeeds implements TargetSeeds {

    @Override
    public Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        Draft draft = task.draft();
        if (draft == null) {
            return Map.of();
        }
        Segmentation source = Segmentation.of(task.source().language(), task.source().title(), task.source().summary(),
                task.source().body());
        Segmentation target = Segmentation.of(task.language(), draft.title(), draft.summary(), draft.body());
        Map<String, Seed> seeds = new HashMap<>();
        for (String field : Segmentation.FIELDS) {
            List<List<Segment>> sourceRuns = source.runs(field);
            List<List<Segment>> targetRuns = target.runs(field);
            if (sourceRuns.size() != targetRuns.size()) {
                continue;
            }
            for (int r = 0; r < sourceRuns.size(); r++) {
                List<Segment> from = sourceRuns.get(r);
                List<Segment> to = targetRuns.get(r);
                if (from.size() != to.size()) {
                    continue;
                }
                for (int s = 0; s < from.size(); s++) {
                    Segment sourceSegment = from.get(s);
                    // A draft sentence still equal to its source is untranslated: the export marks it as a copy.
                    remap(to.get(s), sourceSegment)
                            .filter(content -> !Segment.canonical(content).equals(Segment.canonical(sourceSegment.content())))
                            .ifPresent(content -> seeds.put(sourceSegment.id(), new Seed(Seed.Origin.DRAFT, null, content)));
                }
            }
        }
        return seeds;
    }

    /** The draft sentence with its codes renumbered as the source's (matched by their markup), if they match. */
    static Optional<List<Part>> remap(Segment draft, Segment source) {
        Map<String, List<Integer>> free = new LinkedHashMap<>();
        source.codes().forEach((id, code) -> free.computeIfAbsent(code.markup(), k -> new ArrayList<>()).add(id));
        Map<Integer, Integer> ids = new HashMap<>();
        for (Map.Entry<Integer, Segment.Code> code : draft.codes().entrySet()) {
            List<Integer> candidates = free.get(code.getValue().markup());
            if (candidates == null || candidates.isEmpty()) {
                return Optional.empty();
            }
            ids.put(code.getKey(), candidates.remove(0));
        }
        if (free.values().stream().anyMatch(left -> !left.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(renumber(draft.content(), ids));
    }

    private static List<Part> renumber(List<Part> content, Map<Integer, Integer> ids) {
        List<Part> result = new ArrayList<>();
        for (Part part : content) {
            if (part instanceof Part.Paired paired) {
                result.add(new Part.Paired(ids.get(paired.id()), renumber(paired.content(), ids)));
            } else if (part instanceof Part.Standalone standalone) {
                result.add(new Part.Standalone(ids.get(standalone.id())));
            } else {
                result.add(part);
            }
        }
        return List.copyOf(result);
    }
}
