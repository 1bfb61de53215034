package newsdesk.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * XLIFF targets from the machine suggestions the task view carries (the cache, never an engine call). A
 * segment with inline codes was translated as markup; it is seeded only when every code came back in place
 * ({@link MarkupCodes}), since a target without its source's codes would be refused on import. The view
 * still shows the suggestion for the others.
 */
@ApplicationScoped
public class MachineSeeds implements TargetSeeds {

    @Inject
    MachinePrefills prefills;

    @Override
    public Map<String, Seed> seeds(TaskView task, List<Segment> segments) {
        if (task.machine() == null || task.machine().isEmpty()) {
            return Map.of();
        }
        Map<String, String> ok = new HashMap<>();
        task.machine().stream().filter(suggestion -> suggestion.status() == MachineSuggestion.Status.OK)
                .forEach(suggestion -> ok.put(suggestion.segment(), suggestion.text()));
        Map<String, Seed> seeds = new HashMap<>();
        prefills.withCodes(task.source().language(), task.language(), segments).forEach((id, content) ->
                seeds.put(id, new Seed(Seed.Origin.MACHINE, null, content)));
        for (Segment segment : segments) {
            String text = ok.get(segment.id());
            if (text != null && segment.codes().isEmpty()) {
                seeds.put(segment.id(), new Seed(Seed.Origin.MACHINE, null, List.of(new Part.Text(text))));
            }
        }
        return seeds;
    }
}
