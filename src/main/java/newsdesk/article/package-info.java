/**
 * Stories: articles, their per-language editions and immutable revisions, sanitizing, slugs, diffs,
 * publication (now, scheduled, corrections, withdrawal and kills). Every change of an
 * edition passes one door, {@link newsdesk.article.Editions}; the translation desk enters through
 * {@link newsdesk.article.TranslationEditions}.
 */
package newsdesk.article;
