package newsdesk.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.desk.SegmentMatches;
import newsdesk.desk.TaskView;
import newsdesk.xliff.Part;
import newsdesk.xliff.Seed;
import newsdesk.xliff.Segment;
import newsdesk.xliff.TargetSeeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * XLIFF targets from the memory: the best match of each sentence, with its score. A sentence with inline codes
 * (a seed must carry its source's codes) is seeded only from an entry kept with its codes whose text and code
 * structure are the same (a 100 % match, {@link CodedText}); fuzzy matches have no place for the codes.
 */
@ApplicationScoped
public class MemorySeeds implements TargetSeeds {

    @Inject
    MemoryService memory;

    @Override
    public Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        Map<String, Seed> seeds = new HashMap<>();
        memory.withCodes(task.source().language(), task.language(), segments).forEach((id, content) ->
                seeds.put(id, new Seed(Seed.Origin.MEMORY, 100, content)));
        // Plain sentences: the lookup of the task view (exact and fuzzy matches).
        List<Segment> plain = segments.stream().filter(segment -> segment.codes().isEmpty()).toList();
        List<List<SegmentMatches.Match>> found = memory.lookup(task.source().language(), task.language(),
                plain.stream().map(Alignment::text).toList());
        for (int i = 0; i < plain.size(); i++) {
            if (!found.get(i).isEmpty()) {
                SegmentMatches.Match best = found.get(i).get(0);
                seeds.put(plain.get(i).id(), new Seed(Seed.Origin.MEMORY, best.score(),
                        List.of(new Part.Text(best.target()))));
            }
        }
        return seeds;
    }
}
