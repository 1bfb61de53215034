/**
 * The site's languages (BCP 47 codes): seeded from configuration at first start, managed by admins,
 * and the vocabulary every edition, task and working language refers to.
 */
package newsdesk.language;
