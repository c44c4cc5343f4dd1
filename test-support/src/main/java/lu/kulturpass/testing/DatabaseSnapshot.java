package lu.kulturpass.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The tables of a test's databases as they are: each table's rows (how many, and a digest of their content) and, for the
 * outbox, the last value its identity gave: an event written moves it, even once relayed or rolled back. What the
 * {@link AccessMatrix} and {@link HostileInput} compare before and after requests that must write nothing.
 */
public final class DatabaseSnapshot implements AutoCloseable {

    private static final String OUTBOX = "outbox_event";
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration STUCK = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** A table's rows: how many, and a digest of their content; for the outbox, the last value its identity gave (else -1). */
    public record Table(long rows, String digest, long identity) {

        /** Nothing was written between the two: for the outbox, its identity did not move (its rows leave as they are relayed); else the same rows. */
        boolean same(Table later) {
            return later != null && (identity >= 0 ? identity == later.identity : rows == later.rows && digest.equals(later.digest));
        }

        String describe() {
            return (rows == 0 ? "empty" : rows + " rows" + (digest.isEmpty() ? "" : ", content " + digest.substring(0, Math.min(8, digest.length()))))
                    + (identity >= 0 ? ", outbox identity at " + identity : "");
        }
    }

    private final String service;
    private final Map<String, String> databases;
    private final Predicate<String> compared;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Optional<String>> outboxSequences = new LinkedHashMap<>();

    /**
     * @param databases each database's name and JDBC address
     * @param compared  the tables ({@code "database.table"}) to read; the others change by themselves and are left out
     */
    public DatabaseSnapshot(String service, Map<String, String> databases, Predicate<String> compared) {
        this.service = service;
        this.databases = Map.copyOf(databases);
        this.compared = compared;
    }

    /** Each table now, by {@code "database.table"}. */
    public Map<String, Table> read() {
        try {
            return readOnce();
        } catch (IllegalStateException e) {
            // a connection closed under us (another build's test restarting PostgreSQL's sessions): connect again, once
            close();
            return readOnce();
        }
    }

    /**
     * The tables once the service is quiet: two reads 1.5 s apart agree and the outbox is empty, or has held the same rows
     * for 10 s (an event the broker refuses can stay in the outbox, README "Events"). Fails after 90 s.
     */
    public Map<String, Table> whenQuiet() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long stableSince = System.nanoTime();
        Map<String, Table> previous = read();
        while (!databases.isEmpty()) {
            sleep(QUIET);
            Map<String, Table> current = read();
            boolean outboxEmpty = current.entrySet().stream().filter(e -> e.getKey().endsWith("." + OUTBOX)).allMatch(e -> e.getValue().rows() == 0);
            if (!current.equals(previous)) {
                stableSince = System.nanoTime();
            } else if (outboxEmpty || System.nanoTime() - stableSince > STUCK.toNanos()) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                Map<String, Table> earlier = previous;
                throw new IllegalStateException(service + ": the databases did not settle within " + PATIENCE.toSeconds() + " s: "
                        + current.entrySet().stream().filter(e -> !e.getValue().equals(earlier.get(e.getKey())))
                        .map(e -> e.getKey() + " " + e.getValue().describe()).collect(Collectors.joining(", ")));
            }
            previous = current;
        }
        return previous;
    }

    /** The tables written between two reads, each as {@code table: before -> after}. */
    public static List<String> changes(Map<String, Table> before, Map<String, Table> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String table : tables) {
            Table was = before.get(table);
            Table is = after.get(table);
            if (was == null || !was.same(is)) {
                changed.add(table + ": " + (was == null ? "new" : was.describe()) + " -> " + (is == null ? "gone" : is.describe()));
            }
        }
        return changed;
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection that failed already: nothing to do
            }
        });
        connections.clear();
    }

    private Map<String, Table> readOnce() {
        Map<String, Table> state = new TreeMap<>();
        databases.forEach((name, url) -> {
            try (Statement statement = connection(name, url).createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                Optional<String> sequence = outboxSequences.get(name);
                String query = tables.stream().filter(table -> compared.test(name + "." + table))
                        .map(table -> table.equals(OUTBOX) && sequence.isPresent()
                                // a sequence reads as a one-row relation; is_called false: it gave no value yet
                                ? "select '" + OUTBOX + "', count(*), '', (select case when is_called then last_value else 0 end from "
                                  + sequence.get() + ") from public." + OUTBOX
                                : "select '" + table + "', count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), ''), -1::bigint "
                                  + "from public.\"" + table + "\" t")
                        .collect(Collectors.joining(" union all "));
                if (query.isEmpty()) {
                    return;
                }
                try (ResultSet rs = statement.executeQuery(query)) {
                    while (rs.next()) {
                        state.put(name + "." + rs.getString(1), new Table(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(service + ": cannot read the database " + name + " at " + url + ": " + e.getMessage(), e);
            }
        });
        return state;
    }

    private Connection connection(String name, String url) throws SQLException {
        Connection connection = connections.get(name);
        if (connection == null) {
            connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
            connections.put(name, connection);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select pg_get_serial_sequence('public." + OUTBOX + "', 'sequence_number') "
                         + "where exists (select 1 from information_schema.tables where table_schema = 'public' and table_name = '" + OUTBOX + "')")) {
                outboxSequences.put(name, rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty());
            }
        }
        return connection;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
