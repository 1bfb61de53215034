package newsdesk.xliff;

import newsdesk.desk.TaskView;

import java.util.List;
import java.util.Map;

/**
 * Where an export's targets come from. Each implementation (a CDI bean) proposes targets for the segments
 * it knows; the export keeps, per segment, the proposal of the earliest {@link Seed.Origin} (then the
 * highest score) and falls back to a copy of the source. Today there is the draft; translation memory and
 * machine pre-fill plug in here, each with its origin and score.
 */
public interface TargetSeeds {

    /** Proposals by segment id; segments it has nothing for are simply absent. Must not fail the export. */
    Map<String, Seed> seeds(TaskView task, List<Segment> segments);
}
