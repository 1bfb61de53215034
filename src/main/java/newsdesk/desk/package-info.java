/**
 * The translators' and reviewers' half: translation tasks, claiming with leases, drafts, four-eyes
 * review (of translations and of editors' corrections), and keeping translations in step with the source.
 */
package newsdesk.desk;
