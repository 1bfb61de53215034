import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a benchmarked server's request threads spend their time, from a flight recording's execution samples:
 * for each method, the share of samples with it on the stack (each method counted once per sample), optionally
 * only of the samples under a given frame (the methods above that frame left out), and after the first seconds.
 *
 *   java bench/JfrSamples.java recording.jfr [frame, e.g. ArticleResource.create] [top=60] [skip seconds=0]
 *
 * Record with BENCH_JAVA_OPTS='-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=server.jfr'
 * (bench/server.sh); settings=profile samples every 10 ms, a copy of profile.jfc with jdk.ExecutionSample's
 * period at 1 ms gives ten times the samples.
 */
public class JfrSamples {

    public static void main(String[] args) throws Exception {
        String within = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        double skip = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        int requests = 0;
        int matched = 0;
        Instant first = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            total++;
            RecordedThread thread = event.getThread("sampledThread");
            String name = thread == null ? null : thread.getJavaName();
            if (name == null || !name.contains("http-thread-pool")) {
                continue;
            }
            first = first == null ? event.getStartTime() : first;
            if (Duration.between(first, event.getStartTime()).toMillis() < skip * 1000) {
                continue;
            }
            requests++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            int end = frames.size() - 1;
            if (!within.isEmpty()) {
                end = -1;
                for (int i = 0; i < frames.size() && end < 0; i++) {
                    end = frames.get(i).contains(within) ? i : -1;
                }
                if (end < 0) {
                    continue;
                }
            }
            matched++;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i <= end; i++) {
                if (seen.add(frames.get(i))) {
                    inclusive.merge(frames.get(i), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples, %d of request threads, %d under '%s'%n", total, requests, matched, within);
        int of = matched;
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / of, e.getKey()));
    }
}
