package newsdesk.machine;

import jakarta.enterprise.context.ApplicationScoped;
import newsdesk.desk.MachineSuggestion;
import newsdesk.desk.TaskView;
import newsdesk.xliff.Part;
import newsdesk.xliff.Seed;
import newsdesk.xliff.Segment;
import newsdesk.xliff.TargetSeeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * XLIFF targets from the machine suggestions the task view carries (the cache, never an engine call). Only
 * segments without inline codes are seeded: the engine is given plain text, so its answer has no codes to
 * put back, and a target without its source's codes would be refused on import. The view still shows the
 * suggestion for those segments.
 */
@ApplicationScoped
public class MachineSeeds implements TargetSeeds {

    @Override
    public Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        if (task.machine() == null || task.machine().isEmpty()) {
            return Map.of();
        }
        Map<String, String> ok = new HashMap<>();
        task.machine().stream().filter(suggestion -> suggestion.status() == MachineSuggestion.Status.OK)
                .forEach(suggestion -> ok.put(suggestion.segment(), suggestion.text()));
        Map<String, Seed> seeds = new HashMap<>();
        for (Segment segment : segments) {
            String text = ok.get(segment.id());
            if (text != null && segment.codes().isEmpty()) {
                seeds.put(segment.id(), new Seed(Seed.Origin.MACHINE, null, List.of(new Part.Text(text))));
            }
        }
        return seeds;
    }
}
