package lu.kulturpass.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the access matrix and the hostile input count as written, on a real PostgreSQL database. */
class DatabaseSnapshotTest {

    private String url;

    @BeforeEach
    void database() {
        url = TestDatabase.recreate("kulturpass_snapshot");
        sql("create table pass (id bigint primary key, note text)",
                "create table outbox_event (sequence_number bigint generated always as identity primary key, data text)",
                "insert into pass values (1, 'kept')");
    }

    @Test
    void aRowAddedOrChangedIsAChange() {
        try (DatabaseSnapshot snapshot = snapshot()) {
            Map<String, DatabaseSnapshot.Table> before = snapshot.read();
            assertEquals(List.of(), DatabaseSnapshot.changes(before, snapshot.read()));
            sql("update pass set note = 'changed' where id = 1");
            List<String> changed = DatabaseSnapshot.changes(before, snapshot.read());
            assertEquals(1, changed.size(), changed.toString());
            assertTrue(changed.get(0).startsWith("db.pass: 1 rows, content "), changed.get(0));
            sql("insert into pass values (2, 'new')");
            assertTrue(DatabaseSnapshot.changes(before, snapshot.read()).get(0).contains("-> 2 rows"));
        }
    }

    @Test
    void anEventWrittenIsAChangeEvenOnceRelayedButARelayedEventIsNot() {
        try (DatabaseSnapshot snapshot = snapshot()) {
            sql("insert into outbox_event (data) values ('written before')");
            Map<String, DatabaseSnapshot.Table> before = snapshot.read();
            sql("delete from outbox_event");
            assertEquals(List.of(), DatabaseSnapshot.changes(before, snapshot.read()), "relaying an event is no write");
            sql("insert into outbox_event (data) values ('written')", "delete from outbox_event");
            assertEquals(List.of("db.outbox_event: 1 rows, outbox identity at 1 -> empty, outbox identity at 2"),
                    DatabaseSnapshot.changes(before, snapshot.read()));
        }
    }

    @Test
    void aTableThatChangesByItselfIsNotRead() {
        try (DatabaseSnapshot snapshot = new DatabaseSnapshot("test", Map.of("db", url), table -> !table.equals("db.pass"))) {
            Map<String, DatabaseSnapshot.Table> before = snapshot.read();
            sql("insert into pass values (2, 'fed by an event')");
            assertEquals(List.of(), DatabaseSnapshot.changes(before, snapshot.read()));
            assertEquals(List.of("db.outbox_event"), List.copyOf(before.keySet()));
        }
    }

    private DatabaseSnapshot snapshot() {
        return new DatabaseSnapshot("test", Map.of("db", url), table -> true);
    }

    private void sql(String... statements) {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
