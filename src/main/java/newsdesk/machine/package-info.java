/**
 * Machine pre-fill: pluggable engines (Apertium as a local process, LibreTranslate-compatible servers over
 * HTTP) translate task sources segment by segment in the background; results and failures are cached in
 * PostgreSQL and shown in task views and XLIFF exports as machine suggestions.
 */
package newsdesk.machine;
