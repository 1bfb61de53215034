/**
 * Signing in to the desk in a browser: session cookies (tokens of their own kind, hashed like API
 * tokens, idle expiry), the CSRF token every cookie-borne write must carry, and the interface language.
 */
package newsdesk.session;
