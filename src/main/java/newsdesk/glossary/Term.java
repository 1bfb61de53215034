package newsdesk.glossary;

import jakarta.json.bind.annotation.JsonbTransient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A glossary entry for one language pair: the source term (and the inflected source forms to look for
 * where no dictionary knows them), the preferred target form (and its inflected forms), and the
 * forbidden target forms.
 */
public record Term(UUID id, String sourceLanguage, String targetLanguage, String term, List<String> termForms,
                   String preferred, List<String> preferredForms, List<String> forbidden, String note,
                   Instant createdAt, Instant updatedAt, @JsonbTransient long version) {

    /** The source forms: the term and its listed forms. */
    List<String> sourceForms() {
        return join(term, termForms);
    }

    /** Every accepted target form: the preferred one and its listed forms. */
    List<String> targetForms() {
        return join(preferred, preferredForms);
    }

    private static List<String> join(String first, List<String> more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), more.stream()).toList();
    }
}
