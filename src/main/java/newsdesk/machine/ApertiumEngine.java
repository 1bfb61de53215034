package newsdesk.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Apertium as a local process ({@code apertium -u rus-ukr}, {@code -f html} for markup), one process per segment: text in through stdin,
 * the translation from stdout, both UTF-8. The streams go through temporary files, so no reader threads are
 * needed; a process that outlives its time is killed with its whole pipeline (Apertium's script starts one
 * process per stage) and reaped. Apertium's script ends with the last stage's exit code, so a stage that
 * crashes (a tagger segfault) shows as empty output: the segment is tried once more without the tagger
 * ({@link TaggerlessModes}), and if that answers nothing too, it counts as a failure.
 */
final class ApertiumEngine implements Engine {

    private static final System.Logger LOG = System.getLogger(ApertiumEngine.class.getName());
    private static final long MAX_OUTPUT_BYTES = 1 << 20;

    private final List<String> command;
    private final TaggerlessModes taggerless;

    /** {@code command}: the executable and any leading arguments, split on whitespace. */
    ApertiumEngine(String command) {
        this.command = List.of(command.trim().split("\\s+"));
        this.taggerless = new TaggerlessModes(this.command);
    }

    @Override
    public String name() {
        return "apertium";
    }

    /** Apertium names its modes with ISO 639-3 codes: uk→ru is ukr-rus. */
    static String mode(String from, String to) {
        return Locale.forLanguageTag(from).getISO3Language() + "-" + Locale.forLanguageTag(to).getISO3Language();
    }

    @Override
    public EngineResult translate(String text, String from, String to, Duration timeout) {
        return run(text, "txt", from, to, timeout);
    }

    /** Apertium's html format keeps tags in place as blanks between the words it translates. */
    @Override
    public EngineResult translateMarkup(String html, String from, String to, Duration timeout) {
        return run(html, "html", from, to, timeout);
    }

    /**
     * One run of the pair's mode; when it answers nothing at all (the tagger crashed, see {@link TaggerlessModes}),
     * one more run without the tagger in the time that is left.
     */
    private EngineResult run(String text, String format, String from, String to, Duration timeout) {
        long start = System.nanoTime();
        String mode = mode(from, to);
        Attempt first = attempt(text, format, mode, null, start, timeout);
        if (!first.silent()) {
            return first.result();
        }
        Optional<Path> folder = taggerless.folder(mode);
        if (folder.isEmpty() || elapsed(start) >= timeout.toMillis()) {
            return first.result();
        }
        return attempt(text, format, mode, folder.get(), start, timeout).result();
    }

    /** What one process made of the text; {@code silent}: it ended well but wrote nothing. */
    private record Attempt(EngineResult result, boolean silent) {
    }

    private Attempt attempt(String text, String format, String mode, Path dataFolder, long start, Duration timeout) {
        Path input = null;
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            input = Files.createTempFile("newsdesk-mt-", ".in");
            output = Files.createTempFile("newsdesk-mt-", ".out");
            errors = Files.createTempFile("newsdesk-mt-", ".err");
            Files.writeString(input, text + "\n", StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(command);
            if (dataFolder != null) {
                arguments.add("-d");
                arguments.add(dataFolder.toString());
            }
            arguments.add("-u");
            if (!format.equals("txt")) {
                arguments.add("-f");
                arguments.add(format);
            }
            arguments.add(mode);
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectInput(input.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            process = builder.start();
            long left = Math.max(0, timeout.toMillis() - elapsed(start));
            if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
                stop(process);
                return new Attempt(EngineResult.timeout(elapsed(start)), false);
            }
            if (process.exitValue() != 0) {
                return new Attempt(EngineResult.failed("exit code " + process.exitValue() + tail(errors), elapsed(start)),
                        false);
            }
            if (Files.size(output) > MAX_OUTPUT_BYTES) {
                return new Attempt(EngineResult.failed("the engine returned more than " + MAX_OUTPUT_BYTES + " bytes",
                        elapsed(start)), false);
            }
            String answer = decode(Files.readAllBytes(output));
            EngineResult result = EngineResult.answer(text, answer, elapsed(start));
            return result.text() == null
                    ? new Attempt(EngineResult.failed(result.detail() + tail(errors), result.millis()), answer.isBlank())
                    : new Attempt(result, false);
        } catch (IOException e) {
            return new Attempt(EngineResult.failed("could not run " + command.get(0) + ": " + e.getMessage(),
                    elapsed(start)), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(EngineResult.failed("interrupted", elapsed(start)), false);
        } finally {
            if (process != null && process.isAlive()) {
                stop(process);
            }
            delete(input);
            delete(output);
            delete(errors);
        }
    }

    /** Kills the pipeline's stages first (the script reaps them), then the script, and waits for all. */
    private static void stop(Process process) {
        List<ProcessHandle> stages = process.descendants().toList();
        stages.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            for (ProcessHandle stage : stages) {
                stage.onExit().get(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "an engine process did not end after being killed", e);
        }
    }

    /** Text that is not valid UTF-8 becomes U+FFFD, which {@link EngineResult#answer} refuses. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "\uFFFD";
        }
    }

    /** The end of what the engine wrote to stderr (where Apertium's stages say why they crashed). */
    private static String tail(Path errors) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(errors)) {
            long size = channel.size();
            ByteBuffer last = ByteBuffer.allocate((int) Math.min(size, 300));
            channel.position(size - last.capacity());
            int read;
            do {
                read = channel.read(last);
            } while (read > 0 && last.hasRemaining());
            String text = new String(last.array(), 0, last.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : ": " + (size > last.capacity() ? "…" : "") + text;
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete " + file, e);
            }
        }
    }
}
