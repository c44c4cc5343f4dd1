package lu.kulturpass.benchmarks.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.benchmarks.HarnessLogging;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;

/**
 * How fast programme staff get a partner's figures for a year over 10 million admissions: fills a
 * database of its own with generated usage (generate-admissions.sql), runs the packaged pass-service
 * on it, and times {@code GET /statistics/partners/{id}?from=2025-01-01&to=2025-12-31} end to end
 * (HTTP, JSON, the queries) for the busiest partner and a median one. Target: p99 at most 50 ms.
 * <pre>benchmarks/run-statistics [admissions] [--reuse]</pre>
 */
public final class PartnerYearQuery {

    private static final String DATABASE = "kulturpass_bench_statistics";
    private static final int WARM_UP = 50;
    private static final int MEASURED = 300;

    private PartnerYearQuery() {
    }

    public static void main(String[] args) throws Exception {
        HarnessLogging.configure();
        long admissions = args.length > 0 && !args[0].startsWith("--") ? Long.parseLong(args[0]) : 10_000_000L;
        boolean reuse = Arrays.asList(args).contains("--reuse");
        String url = reuse ? TestDatabase.jdbcUrl(DATABASE + TestDatabase.SUFFIX) : TestDatabase.recreate(DATABASE);
        ServiceProcess passService = PassServiceProcess.onDatabase(url);
        System.out.println("Starting pass-service on " + url + " ...");
        passService.start();
        try (Connection db = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
            if (!reuse) {
                long start = System.nanoTime();
                generate(db, admissions);
                System.out.printf("Generated %,d scans in %.0f s%n", admissions, (System.nanoTime() - start) / 1e9);
            }
            report(db);
            String token = BearerTokens.token("programme-staff", null);
            for (String[] partner : partners(db)) {
                List<Double> millis = time(passService.url() + "/statistics/partners/" + partner[0] + "?from=2025-01-01&to=2025-12-31", token);
                System.out.printf("%-28s %,9d admissions in 2025: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n",
                        partner[1], Long.parseLong(partner[2]), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                        millis.get(millis.size() - 1), millis.size());
            }
        } finally {
            passService.stop();
            TestKafka.get().stop();
        }
    }

    private static void generate(Connection db, long admissions) throws IOException, SQLException {
        String script;
        try (InputStream in = PartnerYearQuery.class.getResourceAsStream("/statistics/generate-admissions.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${admissions}", String.valueOf(admissions));
        }
        try (Statement statement = db.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static void report(Connection db) throws SQLException {
        for (String table : List.of("admission_fact", "venue_daily_usage", "venue_monthly_pass", "stats_pass")) {
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                System.out.printf("%-20s %,12d rows%n", table, rows.getLong(1));
            }
        }
    }

    /** The busiest cultural partner of 2025 and the median one: id, label, admissions. */
    private static List<String[]> partners(Connection db) throws SQLException {
        List<String[]> ranked = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                select v.partner_id, sum(u.admissions) from venue_daily_usage u join venue v on v.id = u.venue_id
                 where u.day between '2025-01-01' and '2025-12-31' group by v.partner_id order by 2 desc""")) {
            while (rows.next()) {
                ranked.add(new String[] {rows.getObject(1, UUID.class).toString(), null, String.valueOf(rows.getLong(2))});
            }
        }
        String[] busiest = ranked.get(0);
        busiest[1] = "busiest partner";
        String[] median = ranked.get(ranked.size() / 2);
        median[1] = "median partner";
        return List.of(busiest, median);
    }

    private static List<Double> time(String url, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("pass-service answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARM_UP) {
                millis.add(elapsed);
            }
        }
        millis.sort(Double::compare);
        return millis;
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
