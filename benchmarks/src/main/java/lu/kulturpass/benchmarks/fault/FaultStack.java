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
    /** Each service's replicas, the first of each also as {@link #pass}, {@link #eligibility}, {@link #venue}. */
    final List<ServiceProcess> passes = new ArrayList<>();
    final List<ServiceProcess> eligibilities = new ArrayList<>();
    final List<ServiceProcess> venues = new ArrayList<>();
    final ServiceProcess pass;
    final ServiceProcess eligibility;
    final ServiceProcess venue;
    /** HAProxy in front of the replicas; null with one replica of each. */
    final LoadBalancer front;
    /** Where clients (and eligibility-service, for pass-service) send requests: the load balancer, or the one replica. */
    final String passUrl;
    final String eligibilityUrl;
    final String venueUrl;

    /** One replica of each service, each on a fresh database, as {@code run-faults} runs them. */
    FaultStack(Broker broker) {
        this(broker, "kulturpass_fault", 1);
    }

    /**
     * Fresh databases, then pass-service beside eligibility-service, and venue-service once pass-service is ready: venue-service
     * is ready only once it knows a signing key, which pass-service makes and publishes at its first start. With two replicas
     * each, the replicas of a service start at the same moment on the same database (as a deployment rolls them out), and
     * HAProxy ({@link LoadBalancer}) fronts them.
     *
     * @param databases the databases' common prefix ({@code _pass}, {@code _eligibility}, {@code _venue} follow)
     * @param replicas  1, or 2 behind HAProxy
     */
    FaultStack(Broker broker, String databases, int replicas) {
        if (replicas < 1 || replicas > LoadBalancer.REPLICAS) {
            throw new IllegalArgumentException("1 or " + LoadBalancer.REPLICAS + " replicas, not " + replicas);
        }
        this.broker = broker;
        passDb = TestDatabase.recreate(databases + "_pass");
        eligibilityDb = TestDatabase.recreate(databases + "_eligibility");
        venueDb = TestDatabase.recreate(databases + "_venue");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> passConfig = config(passDb);
        passConfig.put("kulturpass.signing.master-key", Base64.getEncoder().encodeToString(masterKey));
        for (int i = 0; i < replicas; i++) {
            passes.add(new ServiceProcess("pass-service", passConfig));
        }
        // each replica's ports are known before it starts: the load balancer's configuration names them
        front = replicas > 1 ? new LoadBalancer() : null;
        passUrl = front != null ? front.url("pass") : passes.get(0).url();
        Map<String, String> eligibilityConfig = config(eligibilityDb);
        eligibilityConfig.put("quarkus.rest-client.pass-service.url", passUrl);
        for (int i = 0; i < replicas; i++) {
            eligibilities.add(new ServiceProcess("eligibility-service", eligibilityConfig));
            venues.add(new ServiceProcess("venue-service", config(venueDb)));
        }
        pass = passes.get(0);
        eligibility = eligibilities.get(0);
        venue = venues.get(0);
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        try {
            eligibilities.forEach(replica -> starting.add(CompletableFuture.supplyAsync(replica::start)));
            passes.stream().map(replica -> CompletableFuture.supplyAsync(replica::start)).toList().forEach(CompletableFuture::join);
            venues.forEach(replica -> starting.add(CompletableFuture.supplyAsync(replica::start)));
            starting.forEach(CompletableFuture::join);
            if (front != null) {
                front.start(Map.of("pass", urls(passes), "eligibility", urls(eligibilities), "venue", urls(venues)));
            }
        } catch (RuntimeException failed) {
            close();
            throw failed;
        }
        eligibilityUrl = front != null ? front.url("eligibility") : eligibility.url();
        venueUrl = front != null ? front.url("venue") : venue.url();
    }

    private static List<String> urls(List<ServiceProcess> replicas) {
        return replicas.stream().map(ServiceProcess::url).toList();
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
        if (front != null) {
            front.close();
        }
        List<ServiceProcess> all = new ArrayList<>(venues);
        all.addAll(eligibilities);
        all.addAll(passes);
        all.parallelStream().forEach(ServiceProcess::stop);
    }
}
