package lu.kulturpass.benchmarks.fault;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import lu.kulturpass.benchmarks.BrokerProcess;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;

/**
 * The stack the faults are injected into, on loopback: the three packaged services, each on a fresh database of its own
 * on the machine's PostgreSQL, talking through one Kafka broker as in production (eligibility-service's enrolments and
 * pass-service's passes, partners and keys; venue-service's admissions back to pass-service's statistics), and
 * eligibility-service asking pass-service to issue over HTTP.
 */
final class FaultStack implements AutoCloseable {

    /** The broker, which the Kafka case takes away and brings back. */
    interface Broker extends AutoCloseable {
        String bootstrapServers();

        void takeAway();

        void bringBack();

        @Override
        void close();

        /** The broker in a JVM of its own ({@link BrokerProcess}), as the harness's main runs it. */
        static Broker ownProcess() {
            BrokerProcess process = BrokerProcess.start();
            return new Broker() {
                public String bootstrapServers() {
                    return process.bootstrapServers();
                }

                public void takeAway() {
                    process.stopBroker();
                }

                public void bringBack() {
                    process.startBroker();
                }

                public void close() {
                    process.close();
                }
            };
        }

        /**
         * The broker in this JVM ({@link TestKafka}): for the test under Failsafe, whose class path is a manifest jar another
         * JVM could not be started on. Stopped when the JVM ends.
         */
        static Broker inThisProcess() {
            TestKafka kafka = TestKafka.get();
            return new Broker() {
                public String bootstrapServers() {
                    return kafka.bootstrapServers();
                }

                public void takeAway() {
                    kafka.stop();
                }

                public void bringBack() {
                    kafka.start();
                }

                public void close() {
                    // the JVM's shutdown hook stops it and deletes its logs
                }
            };
        }
    }

    final Broker broker;
    final String passDb;
    final String eligibilityDb;
    final String venueDb;
    final ServiceProcess pass;
    final ServiceProcess eligibility;
    final ServiceProcess venue;

    /**
     * Fresh databases, then pass-service beside eligibility-service, and venue-service once pass-service is ready: venue-service
     * is ready only once it knows a signing key, which pass-service makes and publishes at its first start.
     */
    FaultStack(Broker broker) {
        this.broker = broker;
        passDb = TestDatabase.recreate("kulturpass_fault_pass");
        eligibilityDb = TestDatabase.recreate("kulturpass_fault_eligibility");
        venueDb = TestDatabase.recreate("kulturpass_fault_venue");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> passConfig = config(passDb);
        passConfig.put("kulturpass.signing.master-key", Base64.getEncoder().encodeToString(masterKey));
        pass = new ServiceProcess("pass-service", passConfig);
        Map<String, String> eligibilityConfig = config(eligibilityDb);
        eligibilityConfig.put("quarkus.rest-client.pass-service.url", pass.url());
        eligibility = new ServiceProcess("eligibility-service", eligibilityConfig);
        venue = new ServiceProcess("venue-service", config(venueDb));
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        try {
            starting.add(CompletableFuture.supplyAsync(eligibility::start));
            pass.start();
            starting.add(CompletableFuture.supplyAsync(venue::start));
            starting.forEach(CompletableFuture::join);
        } catch (RuntimeException failed) {
            close();
            throw failed;
        }
    }

    private Map<String, String> config(String jdbcUrl) {
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER));
        return config;
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] {venue, eligibility, pass}) {
            if (service != null) {
                service.stop();
            }
        }
    }
}
