package lu.kulturpass.venue.admission;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The one mapping of an {@link Admission} to the {@code admission} table: each column named once, with its SQL type and
 * its field. Writing ({@link Recording}: a batch of rows as one array per column, inside the statement that also takes
 * the places and inserts the events, one round trip) and reading ({@link Admissions}) both use it. An admission is not a
 * JPA entity: that single hand-written statement is what lets the doors' scans through quickly, and a second mapping
 * beside it would have to be kept in step by hand.
 */
final class AdmissionTable {

    /** A column's SQL type, how a value is read from a row, and how it travels in an array parameter. */
    private enum Type {
        UUID("uuid", java.util.UUID[]::new), TEXT("varchar", String[]::new), BIGINT("bigint", Long[]::new),
        INTEGER("integer", Integer[]::new), BOOLEAN("boolean", Boolean[]::new), DATE("date", Date[]::new),
        /** Sent as ISO-8601 text (the driver makes no timestamptz array of Java times), cast by the statement. */
        TIMESTAMP("varchar", String[]::new);

        private final String arrayElement;
        private final IntFunction<Object[]> newArray;

        Type(String arrayElement, IntFunction<Object[]> newArray) {
            this.arrayElement = arrayElement;
            this.newArray = newArray;
        }

        String unnestArgument() {
            return this == TIMESTAMP ? "cast(cast(? as varchar[]) as timestamptz[])" : "cast(? as " + arrayElement + "[])";
        }

        Object element(Object value) {
            if (value == null) {
                return null;
            }
            return switch (this) {
                case DATE -> Date.valueOf((LocalDate) value);
                case TIMESTAMP -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
                default -> value;
            };
        }

        Object read(ResultSet row, int column) throws SQLException {
            Object value = switch (this) {
                case UUID -> row.getObject(column, java.util.UUID.class);
                case TEXT -> row.getString(column);
                case BIGINT -> row.getLong(column);
                case INTEGER -> row.getInt(column);
                case BOOLEAN -> row.getBoolean(column);
                case DATE -> row.getObject(column, LocalDate.class);
                case TIMESTAMP -> row.getObject(column, OffsetDateTime.class);
            };
            return row.wasNull() ? null : value;
        }
    }

    private record Column(String name, Type type, Function<Admission, Object> get, BiConsumer<Admission, Object> set) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", Type.UUID, a -> a.id, (a, v) -> a.id = (UUID) v),
            new Column("venue_id", Type.TEXT, a -> a.venueId, (a, v) -> a.venueId = (String) v),
            new Column("nonce", Type.TEXT, a -> a.nonce, (a, v) -> a.nonce = (String) v),
            new Column("token", Type.TEXT, a -> a.token, (a, v) -> a.token = (String) v),
            new Column("pass_id", Type.BIGINT, a -> a.passId, (a, v) -> a.passId = (Long) v),
            new Column("outcome", Type.TEXT, a -> a.outcome.name(), (a, v) -> a.outcome = Outcome.valueOf((String) v)),
            new Column("reason", Type.TEXT, a -> a.reason.name(), (a, v) -> a.reason = Reason.valueOf((String) v)),
            new Column("scanned_by", Type.TEXT, a -> a.scannedBy, (a, v) -> a.scannedBy = (String) v),
            new Column("device", Type.TEXT, a -> a.device, (a, v) -> a.device = (String) v),
            new Column("door_device_id", Type.UUID, a -> a.doorDeviceId, (a, v) -> a.doorDeviceId = (UUID) v),
            new Column("scanned_at", Type.TIMESTAMP, a -> a.scannedAt, (a, v) -> a.scannedAt = (OffsetDateTime) v),
            new Column("scan_day", Type.DATE, a -> a.scanDay, (a, v) -> a.scanDay = (LocalDate) v),
            new Column("price_cents", Type.INTEGER, a -> a.priceCents, (a, v) -> a.priceCents = (Integer) v),
            new Column("agreement_id", Type.UUID, a -> a.agreementId, (a, v) -> a.agreementId = (UUID) v),
            new Column("performance_id", Type.UUID, a -> a.performanceId, (a, v) -> a.performanceId = (UUID) v),
            new Column("places", Type.INTEGER, a -> a.places, (a, v) -> a.places = (Integer) v),
            new Column("group_size", Type.INTEGER, a -> a.groupSize, (a, v) -> a.groupSize = (Integer) v),
            new Column("category", Type.TEXT, a -> a.category, (a, v) -> a.category = (String) v),
            new Column("typed_code", Type.BOOLEAN, a -> a.typedCode, (a, v) -> a.typedCode = (Boolean) v),
            new Column("offline", Type.BOOLEAN, a -> a.offline, (a, v) -> a.offline = (Boolean) v),
            new Column("double_use", Type.BOOLEAN, a -> a.doubleUse, (a, v) -> a.doubleUse = (Boolean) v),
            new Column("recorded_at", Type.TIMESTAMP, a -> a.recordedAt, (a, v) -> a.recordedAt = (OffsetDateTime) v),
            new Column("undone_at", Type.TIMESTAMP, a -> a.undoneAt, (a, v) -> a.undoneAt = (OffsetDateTime) v),
            new Column("undone_by", Type.TEXT, a -> a.undoneBy, (a, v) -> a.undoneBy = (String) v),
            new Column("undone_on_device", Type.UUID, a -> a.undoneOnDevice, (a, v) -> a.undoneOnDevice = (UUID) v),
            new Column("undo_reason", Type.TEXT, a -> a.undoReason, (a, v) -> a.undoReason = (String) v));

    /** Every column's name, in the mapping's order: {@code select} them for {@link #read}, {@code insert} them from {@link #UNNEST}. */
    static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    /** The rows given to {@link #bind}, one array parameter per column: {@code insert into admission (NAMES) select * from UNNEST}. */
    static final String UNNEST = COLUMNS.stream().map(column -> column.type().unnestArgument())
            .collect(Collectors.joining(", ", "unnest(", ")"));

    private AdmissionTable() {
    }

    /** Binds the admissions as the parameters of {@link #UNNEST}, from {@code first}; returns the next parameter's index. */
    static int bind(Connection connection, PreparedStatement statement, int first, List<Admission> admissions) throws SQLException {
        int parameter = first;
        for (Column column : COLUMNS) {
            Object[] values = admissions.stream().map(admission -> column.type().element(column.get().apply(admission)))
                    .toArray(column.type().newArray);
            statement.setArray(parameter++, connection.createArrayOf(column.type().arrayElement, values));
        }
        return parameter;
    }

    /** The admission in the current row of a {@code select NAMES ...}. */
    static Admission read(ResultSet row) throws SQLException {
        Admission admission = new Admission();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            column.set().accept(admission, column.type().read(row, i + 1));
        }
        return admission;
    }
}
