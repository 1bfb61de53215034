/**
 * What readers and aggregators consume: RSS 2.0, Atom 1.0 (with tombstones and RFC 5005 archives) and
 * JSON Feed per language and section (paged back to the start of the current month; closed months are archives),
 * sitemaps with hreflang, WebSub pings; rendered once per change and served from memory.
 */
package newsdesk.feed;
