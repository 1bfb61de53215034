/**
 * The site's own read API: published stories per language (front and section pages, cursor-paged) and
 * one story by slug, each with its sibling languages, rendered once per publication change and cacheable.
 */
package newsdesk.site;
