/**
 * Accounts, roles and working languages; API tokens, password hashing, login throttling, and the
 * bearer-token authentication and role checks every endpoint goes through.
 */
package newsdesk.account;
