package lu.kulturpass.platform.fault;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells a fault of the infrastructure (the database or the broker away for a moment, a connection reset, a pool that
 * gave no connection in time, a serialization failure or a deadlock the database resolved by aborting us) from a fault
 * of the work itself (an event that can never be applied, a request that breaks a rule). The first passes: the same
 * work succeeds when tried again later. The second does not. The consumers ({@code Inbox}), the outbox relay and the
 * HTTP answers ({@code ProblemMappers}) all ask here, so they agree on what "transient" means.
 * <p>
 * The whole cause chain is walked (and a {@link SQLException}'s next exceptions): a transient fault usually arrives
 * wrapped, e.g. a {@code PSQLException} in Hibernate's {@code JDBCConnectionException} in a transaction's rollback.
 */
public final class TransientFaults {

    /** How deep a cause chain is followed (a chain that loops is stopped by the identity check first). */
    private static final int MAX_DEPTH = 64;

    private TransientFaults() {
    }

    /** True when {@code failure}, or anything in its cause chain, is a fault of the infrastructure that passes. */
    public static boolean isTransient(Throwable failure) {
        return transientCause(failure) != null;
    }

    /** The first fault of the chain that makes it transient (for a log line), or null when the failure is not transient. */
    public static Throwable transientCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current); depth++) {
            if (isTransientItself(current)) {
                return current;
            }
            if (current instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next); next = next.getNextException()) {
                    if (isTransientItself(next)) {
                        return next;
                    }
                }
            }
            current = current.getCause();
        }
        return null;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof JDBCConnectionException || failure instanceof LockAcquisitionException
                || failure instanceof RetriableException) {
            return true;
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof SocketTimeoutException || failure instanceof UnknownHostException
                || failure instanceof SocketException || failure instanceof EOFException) {
            return true; // refused, unreachable, timed out, reset, closed by the peer
        }
        if (failure instanceof SQLException sql) {
            return isTransientState(sql.getSQLState(), sql.getMessage());
        }
        return false;
    }

    /**
     * The SQLStates that pass (PostgreSQL's codes): class 08 (connection exception), 40001 (serialization failure),
     * 40P01 (deadlock), 57P01-57P03 and 57P05 (administrator shutdown, crash shutdown, cannot connect now: starting
     * up or shutting down; idle-session timeout), 53300 (too many connections), 55P03 (lock not available), and
     * 55000 when it says the database is not accepting connections ({@code ALLOW_CONNECTIONS false}, as during a
     * maintenance). Without a state, Agroal's "Acquisition timeout" (no connection from the pool in time).
     */
    static boolean isTransientState(String state, String message) {
        if (state == null) {
            return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return state.startsWith("08")
                || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("57P05")
                || state.equals("53300") || state.equals("55P03")
                || state.equals("55000") && message != null && message.contains("not currently accepting connections");
    }
}
