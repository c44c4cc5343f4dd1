package lu.kulturpass.venue.admission;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Reads admissions, and writes what changes on a recorded one (an undo, a holder check removed), with the admission
 * table's one mapping ({@link AdmissionTable}). Without a connection given, the methods run on the connection of the
 * caller's transaction. New admissions are written only by {@link Recording}.
 */
public final class Admissions {

    private Admissions() {
    }

    /**
     * The admissions matching a condition on the table's columns, in its terms, e.g. {@code "nonce = ?"} or
     * {@code "venue_id = ? order by scanned_at desc limit ?"}, with its parameters.
     */
    public static List<Admission> where(String condition, Object... parameters) {
        return inTransaction(connection -> where(connection, condition, parameters));
    }

    static List<Admission> where(Connection connection, String condition, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + AdmissionTable.NAMES + " from admission where " + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Admission> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(AdmissionTable.read(row));
                }
            }
            return found;
        }
    }

    /** Keeps who undid the admission, when, where and why (its row locked by the caller: {@code "id = ? for update"}). */
    static void undone(Admission admission) {
        inTransaction(connection -> update(connection,
                "update admission set undone_at = ?, undone_by = ?, undone_on_device = ?, undo_reason = ? where id = ?",
                admission.undoneAt, admission.undoneBy, admission.undoneOnDevice, admission.undoReason, admission.id));
    }

    /**
     * The tokens of this pass's scans go (they hold the holder's initials and birth year); the scans stay. Returns how
     * many scans lost their token (none the second time).
     */
    public static int forgetHolderCheck(long passId) {
        return inTransaction(connection -> update(connection,
                "update admission set token = null where pass_id = ? and token is not null", passId));
    }

    private static int update(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static <T> T inTransaction(ReturningWork<T> work) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(work);
    }
}
