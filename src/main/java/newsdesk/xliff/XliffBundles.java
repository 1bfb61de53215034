package newsdesk.xliff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.desk.TaskService;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.FieldError;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.Malformed;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.NotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Several tasks in one zip, one XLIFF file per task ({@code task-<id>.xlf}), both ways. An import is all
 * or nothing: one file that does not fit refuses the whole zip, naming the file and its segment.
 */
@ApplicationScoped
public class XliffBundles {

    static final int MAX_FILES = 50;

    @Inject
    XliffService xliff;

    @Inject
    TaskService tasks;

    @Inject
    @ConfigProperty(name = "newsdesk.request.max.bytes", defaultValue = "1048576")
    long maxBytes;

    /** Each listed task as it would be exported alone (same access rule per task). */
    public byte[] export(Caller caller, String ids, XliffVersion version) {
        Set<UUID> taskIds = ids(ids);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (UUID id : taskIds) {
                byte[] file = inParameter(id, () -> xliff.export(caller, id, version));
                zip.putNextEntry(new ZipEntry("task-" + id + ".xlf"));
                zip.write(file);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a zip in memory", e);
        }
        return bytes.toByteArray();
    }

    /** Imports every XLIFF file of the zip into its task's draft, in one transaction. */
    @InTransaction
    public List<XliffImport> importZip(Caller caller, byte[] body) {
        List<XliffImport> imported = new ArrayList<>();
        Set<String> taskIds = new HashSet<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(XliffService.requireBody(body)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (imported.size() >= MAX_FILES) {
                    throw Invalid.field("body", "the zip holds more than " + MAX_FILES + " files");
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                total += bytes.length;
                if (bytes.length > maxBytes || total > maxBytes * 8) {
                    throw new NewsdeskException(ErrorCode.PAYLOAD_TOO_LARGE, name + ": the files in the zip are larger"
                            + " than " + maxBytes + " bytes each or " + maxBytes * 8 + " in all");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".xlf") && !lower.endsWith(".xliff") && !lower.endsWith(".xml")) {
                    throw Invalid.field(name, "not an XLIFF file (.xlf, .xliff or .xml)");
                }
                imported.add(inEntry(name, () -> {
                    XliffFile file = XliffReader.read(bytes);
                    UUID id = taskId(file);
                    if (!taskIds.add(id.toString())) {
                        throw Invalid.field("file", "a second file for task " + id);
                    }
                    return xliff.apply(caller, tasks.get(caller, id), file);
                }));
            }
        } catch (ZipException e) {
            throw new Malformed("The body is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new Malformed("The zip cannot be read: " + e.getMessage());
        }
        if (imported.isEmpty()) {
            throw Invalid.field("body", "the zip holds no XLIFF file");
        }
        return imported;
    }

    private static UUID taskId(XliffFile file) {
        try {
            return UUID.fromString(file.taskId() == null ? "" : file.taskId());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("file", "the file has no valid nd:task attribute: it is not a Newsdesk export, or it"
                    + " lost it");
        }
    }

    private Set<UUID> ids(String ids) {
        if (ids == null || ids.isBlank()) {
            throw Invalid.field("ids", "give one or more task ids, separated by commas");
        }
        Set<UUID> result = new LinkedHashSet<>();
        for (String id : ids.split(",", -1)) {
            try {
                result.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                throw Malformed.parameter("ids", "'" + id.strip() + "' is not a task id (UUID)");
            }
        }
        if (result.size() > MAX_FILES) {
            throw Invalid.field("ids", "at most " + MAX_FILES + " tasks at once");
        }
        return result;
    }

    /** An unknown task among the ids is a bad parameter, not a missing resource. */
    private static <T> T inParameter(UUID id, Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFound e) {
            throw Invalid.field("ids", "no task " + id);
        }
    }

    /** Errors of one file of the zip name that file. */
    @SuppressWarnings("unchecked")
    private static <T> T inEntry(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (Invalid e) {
            List<FieldError> errors = ((List<FieldError>) e.extensions().get("errors")).stream()
                    .map(error -> new FieldError(name + ": " + error.field(), error.message())).toList();
            throw new Invalid(errors);
        } catch (Malformed e) {
            throw new Malformed(name + ": " + e.getMessage());
        } catch (NotFound e) {
            throw Invalid.field(name, e.getMessage());
        }
    }
}
