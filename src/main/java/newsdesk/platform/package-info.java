/**
 * What every feature stands on: the JAX-RS application, the connection pool and transactions, the JDBC
 * helper, the error model and its problem+json mapping, configuration, the clock and health checks.
 */
package newsdesk.platform;
