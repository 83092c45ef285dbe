package org.openattendance.shared.web;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** How a failure that comes from losing the database is recognised, and what the caller is told. */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "The database is unavailable or the connection to it broke before the request "
            + "was finished, so nothing from this request was stored. Try again in a minute: loading the same register "
            + "file again is safe.";

    private DatabaseUnavailable() {
    }

    /** A lost connection (SQL state class 08, an administrator's shutdown 57P0x, an I/O error) anywhere in the causes. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SocketException
                    || cause instanceof java.io.EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().contains("Database connection failed")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
