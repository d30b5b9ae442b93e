package dev.rustlens.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Optional;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a database failure means for the caller, told from its SQL state or what lies beneath it. */
@Tag("fast")
class DatabaseErrorsTest {

    @Test
    void statesTellTheTrouble() {
        assertEquals(Optional.of(DatabaseErrors.Trouble.UNAVAILABLE), DatabaseErrors.trouble(new SQLException("lost", "08006")));
        assertEquals(Optional.of(DatabaseErrors.Trouble.UNAVAILABLE), DatabaseErrors.trouble(new SQLException("cancelled", "57014")));
        assertEquals(Optional.of(DatabaseErrors.Trouble.BUSY), DatabaseErrors.trouble(new SQLException("deadlock", "40P01")));
        assertEquals(Optional.of(DatabaseErrors.Trouble.DISK_FULL), DatabaseErrors.trouble(new SQLException("full", "53100")));
        assertEquals(Optional.of(DatabaseErrors.Trouble.UNAVAILABLE), DatabaseErrors.trouble(new IllegalStateException(
                new SQLException("Acquisition timeout while waiting for new connection"))), "Agroal's words, no state");
        assertEquals(Optional.empty(), DatabaseErrors.trouble(new SQLException("duplicate key", "23505")), "the request's fault");
        assertEquals(Optional.empty(), DatabaseErrors.trouble(new IllegalStateException("a bug")));
    }

    @Test
    void aConnectionLostInACommitIsUnavailableWhateverWrapsIt() {
        XAException commitFailed = new XAException(XAException.XA_RBCOMMFAIL);
        commitFailed.initCause(new SQLException("commit failed"));
        assertEquals(Optional.of(DatabaseErrors.Trouble.UNAVAILABLE),
                DatabaseErrors.trouble(new IllegalStateException("ARJUNA016053: could not commit", commitFailed)));
        assertEquals(Optional.of(DatabaseErrors.Trouble.UNAVAILABLE), DatabaseErrors.trouble(
                new RuntimeException(new SQLException("I/O error", null, new SocketTimeoutException("Read timed out")))));
        assertEquals(Optional.empty(), DatabaseErrors.trouble(new RuntimeException(new SocketTimeoutException("git"))),
                "a timeout talking to anything but the database is not the database's");
        assertEquals(Optional.empty(), DatabaseErrors.trouble(new RuntimeException(new XAException(XAException.XAER_PROTO))),
                "a protocol error is a bug, not an outage");
    }
}
