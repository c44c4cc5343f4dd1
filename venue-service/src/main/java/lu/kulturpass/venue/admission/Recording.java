package lu.kulturpass.venue.admission;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Writes what the scans decided together in ONE statement, hence one round trip while the door waits:
 * takes each performance's places with the conditional update of {@code Places} (scheduled and enough left),
 * inserts the admission rows and inserts their events in the outbox. The rows come as arrays, so the
 * statement's text is the same for any number of scans and PostgreSQL plans it once per connection.
 * <p>
 * The places were read with the scans' facts. When a performance has fewer places left than asked (taken
 * or cancelled meanwhile), the statement itself fails (the database function {@code admission_places_all_taken},
 * SQLSTATE {@value #PLACES_CHANGED}) and {@link #write} throws {@link PlacesChanged}: nothing of it is written,
 * places, admissions and events alike, and the scans are decided again. Because the statement holds its own
 * check, it can run as a transaction of its own (the scans recorded together, {@code AdmissionDesk}: the write
 * and its commit in one round trip) or inside a larger one (a scan recorded alone).
 */
final class Recording {

    private static final String WRITE = """
            with taken as (
                update performance p set places_used = p.places_used + d.n
                from (select id, n from unnest(cast(? as uuid[]), cast(? as integer[])) as asked(id, n) order by id) d
                where p.id = d.id and p.status = 'SCHEDULED' and p.places_used + d.n <= p.places_offered
                returning p.id),
            admitted as (
                insert into admission (id, venue_id, nonce, token, pass_id, outcome, reason, scanned_by, device, scanned_at, scan_day,
                    price_cents, agreement_id, performance_id, places, group_size, category, typed_code, offline, double_use, recorded_at,
                    door_device_id)
                select * from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as bigint[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(cast(? as varchar[]) as timestamptz[]), cast(? as date[]), cast(? as integer[]), cast(? as uuid[]),
                    cast(? as uuid[]), cast(? as integer[]), cast(? as integer[]), cast(? as varchar[]), cast(? as boolean[]),
                    cast(? as boolean[]), cast(? as boolean[]), cast(cast(? as varchar[]) as timestamptz[]), cast(? as uuid[]))),
            events as (
            """ + Outbox.Rows.INSERT + """
            )
            select admission_places_all_taken(?, count(*)) from taken""";

    /** The SQLSTATE of {@code admission_places_all_taken} when a performance had fewer places left than asked. */
    static final String PLACES_CHANGED = "KP409";

    private Recording() {
    }

    /** A performance's places changed between reading the facts and taking them: decide the scans again. */
    static final class PlacesChanged extends RuntimeException {
        PlacesChanged() {
            super("a performance's places changed while its scans were decided", null, false, false);
        }
    }

    /**
     * Takes the places (per performance: how many), inserts the admissions and the events, in the connection's
     * transaction (its own one in autocommit mode); throws {@link PlacesChanged}, having written nothing, if a
     * performance had fewer places left than asked.
     */
    static void write(Connection connection, Map<UUID, Integer> places, List<Admission> admissions, Outbox.Rows events)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            int parameter = 1;
            UUID[] performances = places.keySet().toArray(UUID[]::new);
            write.setArray(parameter++, connection.createArrayOf("uuid", performances));
            write.setArray(parameter++, connection.createArrayOf("integer", places.values().toArray(Integer[]::new)));
            parameter = bindAdmissions(connection, write, parameter, admissions);
            parameter = events.bind(connection, write, parameter);
            write.setInt(parameter, performances.length);
            try (ResultSet allTaken = write.executeQuery()) {
                allTaken.next();
            } catch (SQLException failure) {
                if (PLACES_CHANGED.equals(failure.getSQLState())) {
                    throw new PlacesChanged();
                }
                throw failure;
            }
        }
    }

    /** One array per column, one element per admission, in the order of the insert's columns. */
    private static int bindAdmissions(Connection connection, PreparedStatement write, int first, List<Admission> admissions)
            throws SQLException {
        int n = admissions.size();
        Object[][] columns = new Object[22][];
        columns[0] = new UUID[n];
        columns[1] = new String[n];
        columns[2] = new String[n];
        columns[3] = new String[n];
        columns[4] = new Long[n];
        columns[5] = new String[n];
        columns[6] = new String[n];
        columns[7] = new String[n];
        columns[8] = new String[n];
        columns[9] = new String[n];
        columns[10] = new Date[n];
        columns[11] = new Integer[n];
        columns[12] = new UUID[n];
        columns[13] = new UUID[n];
        columns[14] = new Integer[n];
        columns[15] = new Integer[n];
        columns[16] = new String[n];
        columns[17] = new Boolean[n];
        columns[18] = new Boolean[n];
        columns[19] = new Boolean[n];
        columns[20] = new String[n];
        columns[21] = new UUID[n];
        for (int i = 0; i < n; i++) {
            Admission admission = admissions.get(i);
            columns[0][i] = admission.id;
            columns[1][i] = admission.venueId;
            columns[2][i] = admission.nonce;
            columns[3][i] = admission.token;
            columns[4][i] = admission.passId;
            columns[5][i] = admission.outcome.name();
            columns[6][i] = admission.reason.name();
            columns[7][i] = admission.scannedBy;
            columns[8][i] = admission.device;
            columns[9][i] = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(admission.scannedAt);
            columns[10][i] = Date.valueOf(admission.scanDay);
            columns[11][i] = admission.priceCents;
            columns[12][i] = admission.agreementId;
            columns[13][i] = admission.performanceId;
            columns[14][i] = admission.places;
            columns[15][i] = admission.groupSize;
            columns[16][i] = admission.category;
            columns[17][i] = admission.typedCode;
            columns[18][i] = admission.offline;
            columns[19][i] = admission.doubleUse;
            columns[20][i] = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(admission.recordedAt);
            columns[21][i] = admission.doorDeviceId;
        }
        String[] types = {"uuid", "varchar", "varchar", "varchar", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar",
                "date", "integer", "uuid", "uuid", "integer", "integer", "varchar", "boolean", "boolean", "boolean", "varchar", "uuid"};
        int parameter = first;
        for (int column = 0; column < columns.length; column++) {
            write.setArray(parameter++, connection.createArrayOf(types[column], columns[column]));
        }
        return parameter;
    }
}
