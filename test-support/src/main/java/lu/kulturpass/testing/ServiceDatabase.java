package lu.kulturpass.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database of the service under test, read and set directly by a {@code @QuarkusTest}: a past the test cannot wait
 * for (a pass that ended years ago), and what a rule kept or removed. A statement takes positional parameters as JPA's
 * native queries do ({@code ?1}, a parameter used twice named twice); each statement is its own transaction.
 */
public final class ServiceDatabase {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

    private final String jdbcUrl;

    private ServiceDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The database the service under test runs on ({@code quarkus.datasource.jdbc.url}). */
    public static ServiceDatabase ofTheServiceUnderTest() {
        return new ServiceDatabase(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }

    /** Runs an update, e.g. {@code update pass set valid_until = ?1 where id = ?2}; how many rows it changed. */
    public int update(String statement, Object... parameters) {
        return run(statement, parameters, PreparedStatement::executeUpdate);
    }

    /** The single number a query answers, e.g. {@code select count(*) from admission where pass_id = ?1}. */
    public long count(String query, Object... parameters) {
        return run(query, parameters, prepared -> {
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The tables in which some row holds {@code text} (a token, a name): {@link TestDatabase#tablesHolding}. */
    public List<String> tablesHolding(String text) {
        return TestDatabase.tablesHolding(jdbcUrl, text);
    }

    private interface Work<T> {
        T on(PreparedStatement prepared) throws SQLException;
    }

    private <T> T run(String sql, Object[] parameters, Work<T> work) {
        List<Object> values = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(sql);
        while (parameter.find()) {
            values.add(parameters[Integer.parseInt(parameter.group(1)) - 1]);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             PreparedStatement prepared = connection.prepareStatement(PARAMETER.matcher(sql).replaceAll("?"))) {
            for (int i = 0; i < values.size(); i++) {
                prepared.setObject(i + 1, values.get(i));
            }
            return work.on(prepared);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run on " + jdbcUrl + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
