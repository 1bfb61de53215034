/**
 * The editor's half: articles, their per-language editions and immutable revisions, sanitizing, slugs,
 * diffs, publication (now, scheduled, corrections, withdrawal and kills) and the public read.
 */
package newsdesk.article;
