package newsdesk.memory;

/**
 * What a TMX import did: units read, sentence pairs found in site languages, how many were new and how
 * many were stored already, and variants skipped (a language the site does not have, an empty segment).
 */
public record TmxImport(int units, int pairs, int added, int duplicates, int skipped) {
}
