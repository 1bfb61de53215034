package newsdesk.launcher;

/** Where the application's database is: an external PostgreSQL or the embedded one. */
record DatabaseTarget(String url, String user, String password) {
}
