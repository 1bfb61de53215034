/**
 * The {@code java -jar newsdesk.jar} entry point: starts the embedded PostgreSQL when no database is
 * configured, migrates the schema, then boots Payara Micro with the application WAR.
 */
package newsdesk.launcher;
