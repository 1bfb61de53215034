package newsdesk.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (what a Prometheus server parses): every
 * line must be a comment, a HELP or TYPE line, or a sample; anything else fails the test that reads it.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)})? "
                    + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf)|NaN)(?: -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** Parses a whole scrape; throws naming the first line that is not valid exposition text. */
    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": a second TYPE for " + type.group(1));
                }
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                if (!HELP.matcher(line).matches()) {
                    throw new AssertionError("line " + number + " is a malformed HELP or TYPE line: " + line);
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("line " + number + " is not Prometheus text: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)
                    .replace("Inf", "Infinity"))));
        }
        return new PrometheusText(samples, types);
    }

    /** The declared type of a metric family ("counter", "gauge"), or null. */
    String type(String name) {
        return types.get(name);
    }

    /** The samples of that name whose labels include all of {@code labels}. */
    List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The one sample's value, 0 when the series does not exist (yet): how a counter that never moved reads. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() > 1) {
            throw new AssertionError("more than one " + name + " series with " + labels + ": " + found);
        }
        return found.isEmpty() ? 0 : found.get(0).value();
    }

    List<Sample> all() {
        return samples;
    }
}
