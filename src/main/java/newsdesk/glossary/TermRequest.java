package newsdesk.glossary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * POST /api/glossary and PUT /api/glossary/{id}: a term of a language pair. {@code termForms} and
 * {@code preferredForms} list inflected forms where no dictionary knows them (Russian: Киева, Киеве …);
 * {@code forbidden} lists the target forms to refuse (Kiev). Lists default to empty.
 */
public record TermRequest(@NotBlank @Size(max = 35) String sourceLanguage,
                          @NotBlank @Size(max = 35) String targetLanguage,
                          @NotBlank @Size(max = 200) String term,
                          @Size(max = 50) List<@NotBlank @Size(max = 200) String> termForms,
                          @NotBlank @Size(max = 200) String preferred,
                          @Size(max = 50) List<@NotBlank @Size(max = 200) String> preferredForms,
                          @Size(max = 50) List<@NotBlank @Size(max = 200) String> forbidden,
                          @Size(max = 2000) String note) {

    /** Stripped, lists never null, duplicates gone. */
    TermRequest normalized() {
        return new TermRequest(sourceLanguage.strip(), targetLanguage.strip(), term.strip(), clean(termForms),
                preferred.strip(), clean(preferredForms), clean(forbidden),
                note == null || note.isBlank() ? null : note.strip());
    }

    private static List<String> clean(List<String> forms) {
        return forms == null ? List.of() : forms.stream().map(String::strip).distinct().toList();
    }
}
