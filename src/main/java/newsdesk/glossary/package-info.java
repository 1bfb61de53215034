/**
 * The newsroom's terminology per language pair (Kyiv, not Kiev): terms with preferred and forbidden forms,
 * matched through lemmas (uk), listed forms and stems (ru), folded case and plurals (en).
 */
package newsdesk.glossary;
