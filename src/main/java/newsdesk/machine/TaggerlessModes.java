package newsdesk.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apertium modes without their statistical tagger, for a second try when the tagger crashes. Debian 12's
 * apertium-tagger (3.8.3) segfaults on about half of ordinary sentences with apertium-rus-ukr 0.2.1's model
 * (empty output, exit code 0). The stage before it, the constraint grammar ({@code cg-proc}), has already
 * disambiguated; with {@code -1 -n} it keeps the first remaining reading and writes the tagger's output format,
 * so the rest of the pipeline runs unchanged. A mode is a shell pipeline in {@code <datadir>/modes/<pair>.mode};
 * the derived one is written to a folder of its own that {@code apertium -d} is pointed at.
 */
final class TaggerlessModes {

    private static final System.Logger LOG = System.getLogger(TaggerlessModes.class.getName());

    // "cg-proc [-w] 'grammar' | apertium-tagger -g $2 'model' |" -> "cg-proc [-w] -1 -n 'grammar' |"
    private static final Pattern TAGGER_STAGE =
            Pattern.compile("cg-proc((?: -[a-z])*) ('[^']+'|\\S+) \\| apertium-tagger [^|]*\\|");

    private final Path installed;
    private final Map<String, Optional<Path>> folders = new ConcurrentHashMap<>();

    /** {@code command}: the engine's command line, whose {@code -d datadir} (if any) names the installed modes. */
    TaggerlessModes(List<String> command) {
        int d = command.indexOf("-d");
        this.installed = d >= 0 && d + 1 < command.size() ? Path.of(command.get(d + 1))
                : Path.of(System.getenv().getOrDefault("APERTIUM_DATADIR", "/usr/share/apertium"));
    }

    /** The mode's pipeline with the tagger stage taken out, if it has one in the usual shape. */
    static Optional<String> derive(String mode) {
        Matcher stage = TAGGER_STAGE.matcher(mode);
        if (!stage.find()) {
            return Optional.empty();
        }
        return Optional.of(mode.substring(0, stage.start()) + "cg-proc" + stage.group(1) + " -1 -n " + stage.group(2)
                + " |" + mode.substring(stage.end()));
    }

    /** A data folder for {@code apertium -d} holding the pair's tagger-less mode; empty when none can be made. */
    Optional<Path> folder(String pair) {
        return folders.computeIfAbsent(pair, this::write);
    }

    private Optional<Path> write(String pair) {
        Path mode = installed.resolve("modes").resolve(pair + ".mode");
        try {
            if (!Files.isRegularFile(mode)) {
                return Optional.empty();
            }
            Optional<String> derived = derive(Files.readString(mode, StandardCharsets.UTF_8));
            if (derived.isEmpty()) {
                return Optional.empty();
            }
            Path folder = Files.createTempDirectory("newsdesk-apertium-");
            Path modes = Files.createDirectory(folder.resolve("modes"));
            Files.writeString(modes.resolve(pair + ".mode"), derived.get(), StandardCharsets.UTF_8);
            folder.toFile().deleteOnExit();
            modes.toFile().deleteOnExit();
            modes.resolve(pair + ".mode").toFile().deleteOnExit();
            return Optional.of(folder);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "no tagger-less Apertium mode for " + pair + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
