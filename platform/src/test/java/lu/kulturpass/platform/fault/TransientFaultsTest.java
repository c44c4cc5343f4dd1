package lu.kulturpass.platform.fault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import lu.kulturpass.platform.inbox.IncomingEvent;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

class TransientFaultsTest {

    private static SQLException state(String sqlState, String message) {
        return new SQLException(message, sqlState);
    }

    @Test
    void theDatabaseAwayIsTransientWhereverItSitsInTheCauseChain() {
        SQLException refused = state("08001", "Connection to localhost:5432 refused");
        RuntimeException wrapped = new IllegalStateException("commit failed",
                new PersistenceException("could not execute", new JDBCConnectionException("unable to acquire", refused)));
        assertTrue(TransientFaults.isTransient(refused));
        assertTrue(TransientFaults.isTransient(wrapped));
        assertSame(wrapped.getCause().getCause(), TransientFaults.transientCause(wrapped));
    }

    @Test
    void connectionClassSerializationDeadlockAndShutdownStatesAreTransient() {
        for (String transientState : new String[] {"08000", "08003", "08006", "08P01", "40001", "40P01", "57P01", "57P02",
                "57P03", "57P05", "53300", "55P03"}) {
            assertTrue(TransientFaults.isTransient(new RuntimeException(state(transientState, "x"))), transientState);
        }
        assertTrue(TransientFaults.isTransient(state("55000", "database \"kulturpass_pass\" is not currently accepting connections")));
    }

    @Test
    void aConstraintOrDataErrorIsNotTransient() {
        for (String poison : new String[] {"23505", "23503", "22P02", "22001", "42P01", "55000", "57014", "XX000"}) {
            assertFalse(TransientFaults.isTransient(new PersistenceException(state(poison, "x"))), poison);
        }
        assertFalse(TransientFaults.isTransient(new ConstraintViolationException("duplicate", state("23505", "dup"), "uk")));
    }

    @Test
    void agroalsAcquisitionTimeoutIsTransient() {
        assertTrue(TransientFaults.isTransient(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection", new java.util.concurrent.TimeoutException()))));
        assertTrue(TransientFaults.isTransient(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(TransientFaults.isTransient(new SQLException("something else")));
    }

    @Test
    void jdbcTransientAndRecoverableExceptionsAndHibernateLockFailuresAreTransient() {
        assertTrue(TransientFaults.isTransient(new SQLTransientConnectionException("gone")));
        assertTrue(TransientFaults.isTransient(new java.sql.SQLRecoverableException("gone")));
        assertTrue(TransientFaults.isTransient(new LockAcquisitionException("deadlock", state("40P01", "deadlock"))));
        assertTrue(TransientFaults.isTransient(new JDBCConnectionException("reset", new SQLException("I/O error"))));
    }

    @Test
    void aBatchUpdatesNextExceptionIsLookedAt() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "XX000", new int[0]);
        batch.setNextException(state("40001", "could not serialize access"));
        assertTrue(TransientFaults.isTransient(batch));
    }

    @Test
    void networkFaultsAndKafkasRetriableExceptionsAreTransient() {
        assertTrue(TransientFaults.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(TransientFaults.isTransient(new SocketException("Connection reset")));
        assertTrue(TransientFaults.isTransient(new java.util.concurrent.ExecutionException(new TimeoutException("metadata"))));
        assertTrue(TransientFaults.isTransient(new NetworkException("disconnected")));
        assertFalse(TransientFaults.isTransient(new RecordTooLargeException("2 MiB")));
    }

    @Test
    void anUnreadableEventIsNotTransient() throws Exception {
        assertFalse(TransientFaults.isTransient(new IncomingEvent.UnreadableEventException("event 1 has unreadable data")));
        assertFalse(TransientFaults.isTransient(new JsonParseException(null, "Unexpected character")));
        assertFalse(TransientFaults.isTransient(new NumberFormatException("For input string: \"x\"")));
        assertFalse(TransientFaults.isTransient(null));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(TransientFaults.isTransient(first));
    }
}
