package lu.kulturpass.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a test's own database unreachable for the service under test, and reachable again, without touching the
 * machine's PostgreSQL server (other test runs use it): new connections to that database are refused
 * ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}, SQLState 55000 "not currently accepting connections") and its
 * open ones are ended ({@code pg_terminate_backend}, SQLState 57P01 "terminating connection due to administrator
 * command"), as a restart of the server does. The test role owns the databases it creates (TestDatabase), so it may
 * do both on them. Use with try-with-resources: closing it lets connections in again.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String database;
    private boolean ended;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    /** Begins an outage of the database named in {@code jdbcUrl} (the service's {@code quarkus.datasource.jdbc.url}). */
    public static DatabaseOutage of(String jdbcUrl) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        DatabaseOutage outage = new DatabaseOutage(database);
        outage.run("alter database " + database + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "' and pid <> pg_backend_pid()");
        return outage;
    }

    /** Ends the outage: the database accepts connections again. */
    public void end() {
        if (!ended) {
            ended = true;
            run("alter database " + database + " allow_connections true");
        }
    }

    @Override
    public void close() {
        end();
    }

    private void run(String... statements) {
        try (Connection admin = DriverManager.getConnection(TestDatabase.jdbcUrl("postgres"), TestDatabase.USER, TestDatabase.PASSWORD);
             Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change " + database + ": " + e.getMessage(), e);
        }
    }
}
