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
 * XLIFF targets from the memory: the best match of each sentence, with its score. The memory keeps text
 * without markup, so only sentences without inline codes are seeded (a seed must carry its source's codes).
 */
@ApplicationScoped
public class MemorySeeds implements TargetSeeds {

    @Inject
    MemoryService memory;

    @Override
    public Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        Map<String, Seed> seeds = new HashMap<>();
        // The memory keeps text without markup: a sentence with codes gets no seed (it must carry its codes).
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
