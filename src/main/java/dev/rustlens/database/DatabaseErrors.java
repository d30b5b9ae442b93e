package dev.rustlens.database;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Optional;
import javax.transaction.xa.XAException;

/**
 * What a failure caused by PostgreSQL means for the caller, told from the SQL state: the database
 * was unreachable or stalled (try again later), busy (try again at once), or out of disk. The
 * exception's own message holds SQL and values: it goes to the server log, never to a user.
 */
public final class DatabaseErrors {

    /** Kinds of database trouble that are the server's, not the request's. */
    public enum Trouble {
        /** The connection was lost, could not be had in time, or a statement ran over its timeout. */
        UNAVAILABLE,
        /** A serialization failure, a deadlock or too many connections: it passes by itself. */
        BUSY,
        /** The database's disk is full. */
        DISK_FULL
    }

    private DatabaseErrors() {
    }

    /** The trouble behind {@code failure}, or empty when no database error caused it (or one the request caused). */
    public static Optional<Trouble> trouble(Throwable failure) {
        boolean underDatabase = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                Optional<Trouble> trouble = ofState(sql);
                if (trouble.isPresent()) {
                    return trouble;
                }
            }
            // A connection that died in a commit or rollback reaches the caller as the transaction
            // manager's failure, with the resource's XA error or the socket's timeout underneath.
            if (cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
                    || xa.errorCode == XAException.XA_RBCOMMFAIL)
                    || underDatabase && (cause instanceof SocketTimeoutException || cause instanceof ConnectException)) {
                return Optional.of(Trouble.UNAVAILABLE);
            }
            underDatabase |= cause instanceof SQLException || cause instanceof XAException;
        }
        return Optional.empty();
    }

    /** Whether trying the same work again later may succeed. */
    public static boolean isTransient(Throwable failure) {
        return trouble(failure).filter(trouble -> trouble != Trouble.DISK_FULL).isPresent();
    }

    /** A short message for a user: the kind of trouble, never the statement. */
    public static String describe(Trouble trouble) {
        return switch (trouble) {
            case UNAVAILABLE -> "the database is unavailable or too slow right now; try again shortly";
            case BUSY -> "the database is busy; try again shortly";
            case DISK_FULL -> "the database's disk is full; an administrator must free space";
        };
    }

    private static Optional<Trouble> ofState(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("57014") || sql instanceof SQLRecoverableException
                || sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
            return Optional.of(Trouble.UNAVAILABLE);
        }
        if (state.equals("53100")) {
            return Optional.of(Trouble.DISK_FULL);
        }
        if (state.equals("40001") || state.equals("40P01") || state.startsWith("53") || sql instanceof SQLTransientException) {
            return Optional.of(Trouble.BUSY);
        }
        return Optional.empty();
    }
}
