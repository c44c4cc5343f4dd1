package lu.kulturpass.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL database of a test's own on the machine's server, created afresh for each test
 * run (Flyway then migrates it). The role comes from {@code deploy/local/postgres-ensure}, which
 * creates it; override with KULTURPASS_DB_HOST, _PORT, _USER, _PASSWORD, and set
 * KULTURPASS_TEST_DB_SUFFIX to keep two checkouts' test databases apart.
 */
public final class TestDatabase {

    public static final String HOST = env("KULTURPASS_DB_HOST", "localhost");
    public static final String PORT = env("KULTURPASS_DB_PORT", "5432");
    public static final String USER = env("KULTURPASS_DB_USER", "kulturpass");
    public static final String PASSWORD = env("KULTURPASS_DB_PASSWORD", "kulturpass");
    /** Appended to every test database's name, so two checkouts can run their tests at once. */
    public static final String SUFFIX = env("KULTURPASS_TEST_DB_SUFFIX", "");

    private TestDatabase() {
    }

    /** Drops and creates the database; returns its JDBC URL. */
    public static String recreate(String baseName) {
        String name = baseName + SUFFIX;
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + HOST + ":" + PORT
                    + " as " + USER + ". Is PostgreSQL running and the role created? Run deploy/local/postgres-ensure. ("
                    + e.getMessage() + ")", e);
        }
        return jdbcUrl(name);
    }

    /**
     * The tables (of schema public, in name order) with a row whose text holds {@code text}: to prove that a value (a
     * token, a name) is kept nowhere in a service's database, or only where it should be.
     */
    public static List<String> tablesHolding(String jdbcUrl, String text) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD)) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            List<String> holding = new ArrayList<>();
            for (String table : tables) {
                try (PreparedStatement query = connection.prepareStatement(
                        "select exists (select 1 from \"" + table + "\" t where strpos(t::text, ?) > 0)")) {
                    query.setString(1, text);
                    try (ResultSet found = query.executeQuery()) {
                        if (found.next() && found.getBoolean(1)) {
                            holding.add(table);
                        }
                    }
                }
            }
            return holding;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the tables of " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
