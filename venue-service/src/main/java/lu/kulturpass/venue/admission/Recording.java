package lu.kulturpass.venue.admission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Writes what the rules decided for a batch of scans in ONE statement, hence one round trip while the doors wait: takes
 * the places the admissions hold, inserts the admission rows ({@link AdmissionTable}) and inserts their events in the
 * outbox. The rows come as arrays, so the statement's text is the same for any number of scans and PostgreSQL plans it
 * once per connection. On a connection in autocommit mode it is a transaction of its own: all of it or nothing.
 * <p>
 * A live admission's places are taken only if the performance is still scheduled and still has them (they were read
 * with the scans' facts a moment before); an offline admission's are taken anyway (the holder is inside). When a
 * performance no longer has the places asked, the statement itself fails (the database function
 * {@code admission_places_all_taken}, SQLSTATE {@value #PLACES_CHANGED}); when another door recorded the same nonce, or
 * admitted the same pass, a moment before, a unique index fails it (SQLSTATE {@value #UNIQUE_VIOLATION}). Either way
 * nothing of it is written, and {@link #write} throws {@link RaceLost}: the scans are decided again on fresh facts.
 */
final class Recording {

    private static final String WRITE = """
            with taken as (
                update performance p set places_used = p.places_used + d.n
                from (select id, n, anyway from unnest(cast(? as uuid[]), cast(? as integer[]), cast(? as boolean[]))
                      as asked(id, n, anyway) order by id) d
                where p.id = d.id and (d.anyway or p.status = 'SCHEDULED' and p.places_used + d.n <= p.places_offered)
                returning p.id),
            admitted as (
                insert into admission (""" + AdmissionTable.NAMES + ") select * from " + AdmissionTable.UNNEST + """
            ),
            events as (
            """ + Outbox.Rows.INSERT + """
            )
            select admission_places_all_taken(?, count(*)) from taken""";

    /** The SQLSTATE of {@code admission_places_all_taken} when a performance had fewer places left than asked. */
    static final String PLACES_CHANGED = "KP409";

    /** PostgreSQL's SQLSTATE for a unique index that refused a row. */
    static final String UNIQUE_VIOLATION = "23505";

    private Recording() {
    }

    /**
     * Another door changed what the scans' facts said between reading and writing them (places taken or cancelled, the
     * nonce answered, the pass admitted); nothing was written.
     */
    static final class RaceLost extends RuntimeException {
        RaceLost(SQLException cause) {
            super("another door changed the facts these scans were decided on: " + cause.getSQLState(), cause, false, false);
        }
    }

    /** Takes the admissions' places, inserts them and the events; throws {@link RaceLost}, having written nothing. */
    static void write(Connection connection, List<Admission> admissions, Outbox.Rows events) throws SQLException {
        Map<UUID, Integer> places = new TreeMap<>();
        Map<UUID, Boolean> anyway = new TreeMap<>();
        for (Admission admission : admissions) {
            if (admission.places > 0) {
                places.merge(admission.performanceId, admission.places, Integer::sum);
                Boolean offlineBefore = anyway.put(admission.performanceId, admission.offline);
                if (offlineBefore != null && offlineBefore != admission.offline) {
                    throw new IllegalArgumentException("live and offline admissions of one performance are recorded apart");
                }
            }
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            int parameter = 1;
            write.setArray(parameter++, connection.createArrayOf("uuid", places.keySet().toArray(UUID[]::new)));
            write.setArray(parameter++, connection.createArrayOf("integer", places.values().toArray(Integer[]::new)));
            write.setArray(parameter++, connection.createArrayOf("boolean", anyway.values().toArray(Boolean[]::new)));
            parameter = AdmissionTable.bind(connection, write, parameter, admissions);
            parameter = events.bind(connection, write, parameter);
            write.setInt(parameter, places.size());
            try (ResultSet allTaken = write.executeQuery()) {
                allTaken.next();
            } catch (SQLException failure) {
                if (PLACES_CHANGED.equals(failure.getSQLState()) || UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                    throw new RaceLost(failure);
                }
                throw failure;
            }
        }
    }
}
