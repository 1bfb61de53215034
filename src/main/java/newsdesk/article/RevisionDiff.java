package newsdesk.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two revisions, field by field, as hunks a client can render: each says
 * what kind of change it is, where (in tokens) and the text before and after. HTML tags count as tokens
 * of their own, so markup changes show up without splitting words.
 */
public final class RevisionDiff {

    private static final Pattern TOKENS = Pattern.compile("<[^>]*>|\\s+|[^\\s<]+");

    private RevisionDiff() {
    }

    /** One change: INSERT, DELETE or CHANGE, with token positions in the old and the new text. */
    public record Hunk(String type, int fromPosition, String from, int toPosition, String to) {
    }

    /** The changes of one field (title, summary or body); empty when it did not change. */
    public record FieldDiff(String field, List<Hunk> hunks) {
    }

    public static List<FieldDiff> between(Revision from, Revision to) {
        return List.of(
                new FieldDiff("title", hunks(from.title(), to.title())),
                new FieldDiff("summary", hunks(from.summary(), to.summary())),
                new FieldDiff("body", hunks(from.body(), to.body())));
    }

    static List<Hunk> hunks(String before, String after) {
        List<Hunk> hunks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(tokens(before), tokens(after)).getDeltas()) {
            hunks.add(new Hunk(delta.getType().name(),
                    delta.getSource().getPosition(), String.join("", delta.getSource().getLines()),
                    delta.getTarget().getPosition(), String.join("", delta.getTarget().getLines())));
        }
        return hunks;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
