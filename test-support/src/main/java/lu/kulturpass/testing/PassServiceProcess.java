package lu.kulturpass.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The packaged pass-service, running for the tests of a service that calls it (eligibility-service
 * asks it to issue passes): its own database, the JVM's broker, the test identity provider, a signing
 * master key made for the run. Returns {@code quarkus.rest-client.pass-service.url} pointing at it.
 */
public class PassServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess running;

    /**
     * pass-service's tables in the database {@code database} that its consumers fill from events (statistics, the events
     * applied, the record of staff account changes): they change by themselves after an accepted request
     * ({@link HostileInput#changesByItself}).
     */
    public static String[] tablesFedByEvents(String database) {
        return java.util.stream.Stream.of("processed_event", "venue_daily_*", "venue_monthly_pass", "stats_*", "admission_fact",
                "partner_year_*", "performance_places", "account_change").map(table -> database + "." + table).toArray(String[]::new);
    }

    public static ServiceProcess running() {
        return running;
    }

    /** pass-service on a fresh database of that name. */
    public static ServiceProcess create(String database) {
        return onDatabase(TestDatabase.recreate(database));
    }

    /** pass-service on an existing database (Flyway brings its schema up to date). */
    public static ServiceProcess onDatabase(String jdbcUrl) {
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        return new ServiceProcess("pass-service", Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", TestKafka.get().bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER,
                "kulturpass.signing.master-key", Base64.getEncoder().encodeToString(masterKey)));
    }

    @Override
    public Map<String, String> start() {
        running = create("kulturpass_pass_for_eligibility_test").start();
        return Map.of("quarkus.rest-client.pass-service.url", running.url());
    }

    @Override
    public void stop() {
        if (running != null) {
            running.stop();
        }
    }
}
