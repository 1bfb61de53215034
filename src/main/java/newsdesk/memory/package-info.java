/**
 * Translation memory: sentence pairs from approved translations (and TMX imports), exact and fuzzy
 * matches for the desk and the XLIFF export, TMX 1.4b in and out.
 */
package newsdesk.memory;
