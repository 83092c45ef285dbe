package org.openattendance.database;

/** The embedded PostgreSQL will not start, for a reason the person running the application can fix. */
class EmbeddedPostgresRefused extends IllegalStateException {

    private final String action;

    EmbeddedPostgresRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
