/**
 * The translators' and reviewers' half: translation tasks, claiming with leases, drafts, four-eyes
 * review, and keeping translations in step with a source that changes.
 */
package newsdesk.desk;
