/**
 * What every feature stands on: the JAX-RS application, the connection pool and transactions, the JDBC
 * helper, the error model and its problem+json mapping, the checks every request's input passes before
 * any resource sees it, configuration, the clock and health checks.
 */
package newsdesk.platform;
