package lu.kulturpass.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
