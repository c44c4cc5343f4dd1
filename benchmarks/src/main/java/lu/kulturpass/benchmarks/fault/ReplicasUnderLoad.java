package lu.kulturpass.benchmarks.fault;

import static lu.kulturpass.benchmarks.fault.FaultInjection.say;
import static lu.kulturpass.benchmarks.fault.FaultInjection.seconds;
import static lu.kulturpass.benchmarks.fault.FaultInjection.sleepUntil;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import lu.kulturpass.benchmarks.HarnessLogging;
import lu.kulturpass.benchmarks.scan.ClosedLoop;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;

/**
 * Two replicas of each service on one machine, on the same PostgreSQL databases and Kafka broker, behind HAProxy
 * ({@link FaultStack} with two replicas, {@link LoadBalancer}); bounded in time, on loopback. Under the fault harness's
 * steady load ({@link Load}: scans and enrolments through HAProxy, a failed request sent again) it
 * <ul>
 *   <li>races both replicas for a performance's last places (distinct passes at once, more than its places);</li>
 *   <li>kills one venue-service replica with SIGKILL while scans are in flight, and starts it again;</li>
 * </ul>
 * then checks exactly, until every check holds or the bound passes: the fault harness's checks (every scan answered
 * "admitted" recorded once in venue-service and counted once in every statistic, nothing unanswered or twice, one admission
 * per pass per performance, every approved enrolment with its passes); no performance with more places used than offered,
 * and the race admitting exactly its places; every event on the broker once and in its key's order (a copy only across the
 * kill); every consumer group of the services with both replicas as members, each with partitions. Last, the throughput and
 * p50/p99 of scans in a closed loop through HAProxy with one venue-service replica in rotation and with two, side by side.
 * <pre>benchmarks/run-replicas [seconds of load] [seconds per throughput phase]</pre>
 */
public final class ReplicasUnderLoad {

    /**
     * @param seconds            how long the steady load runs
     * @param killAt             seconds into the load when a venue-service replica is killed
     * @param scansPerSecond     the steady scans' rate
     * @param enrolmentsPerSecond the households' rate
     * @param pool               passes issued beforehand, whose tokens are scanned
     * @param convergence        how long to wait for every check to hold after the load
     * @param brokerProcess      the broker in a JVM of its own (else in this one)
     * @param throughputSeconds  each closed-loop phase (0: none)
     * @param throughputRounds   rounds of (one replica, two replicas)
     * @param clients            the closed loop's connections
     */
    public record Options(int seconds, int killAt, double scansPerSecond, double enrolmentsPerSecond, int pool, Duration convergence,
                          boolean brokerProcess, int throughputSeconds, int throughputRounds, int clients) {
    }

    /** The race for the last places: passes scanned at once at a performance with this many places. */
    static final int RACE_PLACES = 5;
    static final int RACE_SCANS = 40;

    private ReplicasUnderLoad() {
    }

    public static void main(String[] args) {
        HarnessLogging.configure();
        int status;
        try {
            int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 90;
            int phase = args.length > 1 ? Integer.parseInt(args[1]) : 20;
            double scans = Double.parseDouble(System.getenv().getOrDefault("KULTURPASS_FAULT_SCANS_PER_SECOND", "20"));
            double enrolments = Double.parseDouble(System.getenv().getOrDefault("KULTURPASS_FAULT_ENROLMENTS_PER_SECOND", "0.5"));
            int clients = Integer.parseInt(System.getenv().getOrDefault("KULTURPASS_REPLICAS_CLIENTS", "24"));
            FaultInjection.Outcome outcome = run(new Options(seconds, Math.min(30, seconds / 3), scans, enrolments, 1000,
                    Duration.ofSeconds(180), true, phase, 2, clients));
            status = outcome.passed() ? 0 : 1;
        } catch (Exception failure) {
            failure.printStackTrace();
            status = 2;
        }
        System.exit(status); // the Kafka clients' threads would keep the JVM alive
    }

    public static FaultInjection.Outcome run(Options options) throws Exception {
        StringBuilder report = new StringBuilder();
        long began = System.nanoTime();
        int performances = (int) Math.ceil(options.scansPerSecond() * options.seconds() * 1.1 / options.pool()) + 1;
        say(report, "two replicas of each service behind HAProxy: %d s of load, %.1f scans/s, %.2f households/s, a venue-service "
                        + "replica killed at %d s; %d cores, load average %s", options.seconds(), options.scansPerSecond(),
                options.enrolmentsPerSecond(), options.killAt(), Runtime.getRuntime().availableProcessors(), FaultInjection.loadAverage());
        long startedAtMillis = System.currentTimeMillis();
        FaultStack.Broker broker = options.brokerProcess() ? FaultStack.Broker.ownProcess() : FaultStack.Broker.inThisProcess();
        FaultStack stack = null;
        Load load = null;
        try {
            stack = new FaultStack(broker, "kulturpass_replicas", LoadBalancer.REPLICAS);
            Setup setup = new Setup(stack, options.pool(), RACE_SCANS, performances);
            String race = setup.post(stack.venueUrl + "/performances", setup.venueManager, null, "{\"title\":\"Dernières places\",\"startsAt\":\""
                    + OffsetDateTime.now().plusHours(3) + "\",\"placesOffered\":" + RACE_PLACES + "}", 201).path("performanceId").asText();
            load = new Load(setup);
            load.warmUp();
            say(report, "stack ready and set up in %.0f s (%d replicas each: pass-service %s, eligibility-service %s, venue-service %s; "
                            + "HAProxy %s, %s, %s)", seconds(began), LoadBalancer.REPLICAS, urls(stack.passes), urls(stack.eligibilities),
                    urls(stack.venues), stack.passUrl, stack.eligibilityUrl, stack.venueUrl);

            List<String> failures = new ArrayList<>();
            long loadStarted = System.nanoTime();
            load.start(options.scansPerSecond(), options.enrolmentsPerSecond());

            // the race for the last places, across both replicas, before the kill
            sleepUntil(loadStarted, options.killAt() / 2.0);
            List<String> raceNonces = new ArrayList<>();
            for (int i = 0; i < RACE_SCANS; i++) {
                raceNonces.add(load.scan(setup.reservedTokens.get(i), race, "race-door-" + (i % 8)));
            }
            say(report, "%.1f s: %d passes scanned at once at a performance with %d places", seconds(loadStarted), RACE_SCANS, RACE_PLACES);

            // both replicas of every service are in each consumer group, sharing its partitions
            List<String> groupsBefore = awaitGroups(stack, failures, Duration.ofSeconds(60));
            say(report, "consumer groups before the kill:");
            groupsBefore.forEach(line -> say(report, "  %s", line));

            sleepUntil(loadStarted, options.killAt());
            ServiceProcess killed = stack.venues.get(LoadBalancer.REPLICAS - 1);
            int inFlight = load.scansInFlight.get();
            long killedAtMillis = System.currentTimeMillis();
            killed.kill();
            double killedAt = seconds(loadStarted);
            say(report, "%.1f s: venue-service replica %d (%s) killed (SIGKILL) with %d scans in flight", killedAt, LoadBalancer.REPLICAS,
                    killed.url(), inFlight);
            // started again a few seconds later, as an orchestrator would; the load goes on meanwhile
            Thread.sleep(5000);
            double restarting = seconds(loadStarted);
            CompletableFuture<Double> back = CompletableFuture.supplyAsync(() -> {
                killed.start();
                return seconds(loadStarted);
            });

            sleepUntil(loadStarted, options.seconds());
            load.stop(options.convergence());
            double loadSeconds = seconds(loadStarted);
            boolean allAnswered = load.awaitAnswers(options.convergence());
            double answeredAt = seconds(loadStarted);
            double backAt = back.join();
            say(report, "%.1f s: the killed replica ready again (%.1f s to start); load stopped at %.1f s; every request answered%s at %.1f s",
                    backAt, backAt - restarting, loadSeconds,
                    allAnswered ? "" : " or given up", answeredAt);

            // converge: every check holds, or the bound passes
            FaultInjection.Checks checks = new FaultInjection.Checks(stack, setup, load);
            long deadline = System.nanoTime() + options.convergence().toNanos();
            List<String> exact = checks.run();
            while (!exact.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                exact = checks.run();
            }
            say(report, "%.1f s: the exact checks %s, %.1f s after the killed replica was ready again", seconds(loadStarted),
                    exact.isEmpty() ? "hold" : "do NOT hold (the bound passed)", seconds(loadStarted) - backAt);
            failures.addAll(exact);
            String places = places(stack, setup, load, race, raceNonces, failures);
            String events = EventLog.checkEvents(broker.bootstrapServers(), startedAtMillis, killedAtMillis, failures);
            List<String> groupsAfter = awaitGroups(stack, failures, Duration.ofSeconds(90));
            failures.addAll(FaultInjection.requestFailures(load));
            FaultInjection.answers(report, load);
            say(report, "steady scans through HAProxy, first send to answer (%.1f/s):", options.scansPerSecond());
            say(report, "  before the kill (0-%.0f s):         %s", killedAt, FaultInjection.window(load, loadStarted, 0, killedAt));
            say(report, "  one replica down (%.0f-%.0f s):       %s", killedAt, backAt, FaultInjection.window(load, loadStarted, killedAt, backAt));
            say(report, "  both again (%.0f-%.0f s):            %s", backAt, loadSeconds, FaultInjection.window(load, loadStarted, backAt, loadSeconds));
            say(report, "checks:");
            checks.lastFigures.forEach(line -> say(report, "  %s", line));
            say(report, "  %s", places);
            say(report, "  %s", events);
            say(report, "  consumer groups after the load, the killed replica back:");
            groupsAfter.forEach(line -> say(report, "    %s", line));

            if (options.throughputSeconds() > 0) {
                throughput(report, stack, setup, options);
            }
            say(report, "checks: %s", failures.isEmpty() ? "all hold" : failures.size() + " FAILED");
            failures.forEach(failure -> say(report, "  FAILED: %s", failure));
            say(report, "load average after: %s; services' and HAProxy's logs: %s", FaultInjection.loadAverage(),
                    stack.venue.log().toAbsolutePath().getParent());
            return new FaultInjection.Outcome(report.toString(), failures);
        } finally {
            if (load != null) {
                load.close();
            }
            if (stack != null) {
                stack.close();
            }
            broker.close();
        }
    }

    private static String urls(List<ServiceProcess> replicas) {
        return String.join(" ", replicas.stream().map(ServiceProcess::url).toList());
    }

    /** The consumer groups, asked again until each has both replicas with partitions (a rebalance takes seconds). */
    private static List<String> awaitGroups(FaultStack stack, List<String> failures, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> notYet = new ArrayList<>();
            List<String> lines = EventLog.checkConsumerGroups(stack.broker.bootstrapServers(), LoadBalancer.REPLICAS, notYet);
            if (notYet.isEmpty() || System.nanoTime() > deadline) {
                failures.addAll(notYet);
                return lines;
            }
            Thread.sleep(1000);
        }
    }

    /** The race admitted exactly its places; no performance has more places used than offered, nor than its admissions. */
    private static String places(FaultStack stack, Setup setup, Load load, String race, List<String> raceNonces, List<String> failures)
            throws SQLException {
        long raceAdmitted = raceNonces.stream().filter(load.admitted::containsKey).count();
        long raceRefused = raceNonces.stream().filter(load.refused::containsKey).count();
        if (raceAdmitted != RACE_PLACES || raceRefused != RACE_SCANS - RACE_PLACES) {
            failures.add("the race for " + RACE_PLACES + " places: " + raceAdmitted + " admitted, " + raceRefused + " refused of " + RACE_SCANS);
        }
        long over;
        long unequal;
        long raceUsed;
        try (Connection db = DriverManager.getConnection(stack.venueDb, TestDatabase.USER, TestDatabase.PASSWORD)) {
            over = single(db, "select count(*) from performance where places_used > places_offered");
            unequal = single(db, "select count(*) from performance p where places_used <> (select coalesce(sum(a.places), 0) from admission a"
                    + " where a.performance_id = p.id and a.outcome = 'ADMITTED' and a.undone_at is null)");
            raceUsed = single(db, "select places_used from performance where id = '" + race + "'");
        }
        if (over > 0) {
            failures.add(over + " performances with more places used than offered");
        }
        if (unequal > 0) {
            failures.add(unequal + " performances whose places used differ from their admissions");
        }
        return String.format("places: the race for %d places admitted %d and refused %d of %d scans (places used %d); %d performances "
                + "over their places, %d whose places used differ from their admissions", RACE_PLACES, raceAdmitted, raceRefused, RACE_SCANS,
                raceUsed, over, unequal);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Scans in a closed loop ({@link ClosedLoop}, the scan benchmark's generator) through HAProxy, with the second
     * venue-service replica taken out of rotation (one replica) and put back (two), in turns: each scan a pass not yet
     * admitted to its performance.
     */
    private static void throughput(StringBuilder report, FaultStack stack, Setup setup, Options options) throws Exception {
        int rounds = options.throughputRounds();
        // enough performances for what two rounds of both phases can admit at up to 2,000 scans a second
        int needed = (int) Math.ceil(2000.0 * options.throughputSeconds() * rounds * 2 / setup.tokens.size()) + 1;
        List<String> performances = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            performances.add(setup.post(stack.venueUrl + "/performances", setup.venueManager, null, "{\"title\":\"Mesure " + i
                    + "\",\"startsAt\":\"" + OffsetDateTime.now().plusHours(3) + "\",\"placesOffered\":10000}", 201).path("performanceId").asText());
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + setup.boxOffice)
                .add("Content-Type", "application/json").add("Accept-Language", "en");
        AtomicLong sequence = new AtomicLong();
        IntFunction<ClosedLoop.Call> scan = client -> {
            long k = sequence.getAndIncrement();
            String body = "{\"token\":\"" + setup.tokens.get((int) (k % setup.tokens.size())) + "\",\"nonce\":\"" + UUID.randomUUID()
                    + "\",\"device\":\"measure-door-" + client + "\",\"performanceId\":\""
                    + performances.get((int) Math.min(performances.size() - 1, k / setup.tokens.size())) + "\"}";
            return new ClosedLoop.Call(HttpMethod.POST, "/admissions", headers, Buffer.buffer(body));
        };
        say(report, "");
        say(report, "closed loop through HAProxy, %d connections, %d s a phase, venue-service replicas in rotation:", options.clients(),
                options.throughputSeconds());
        try (ClosedLoop loop = new ClosedLoop(stack.venueUrl, options.clients())) {
            loop.run(Math.max(5, options.throughputSeconds() / 2), options.clients(), scan); // warm-up, both replicas
            for (int round = 0; round < rounds; round++) {
                for (int replicas = 1; replicas <= LoadBalancer.REPLICAS; replicas++) {
                    for (int r = replicas + 1; r <= LoadBalancer.REPLICAS; r++) {
                        stack.front.takeOut("venue", r);
                    }
                    ClosedLoop.Counted counted = loop.run(options.throughputSeconds(), options.clients(), scan);
                    for (int r = replicas + 1; r <= LoadBalancer.REPLICAS; r++) {
                        stack.front.putBack("venue", r);
                    }
                    long[] sorted = counted.sortedNanos();
                    say(report, "  %d replica%s: %8.0f scans/s   p50 %7.1f ms   p99 %7.1f ms   (%d scans, %d failed)", replicas,
                            replicas == 1 ? " " : "s", sorted.length / counted.seconds(), percentile(sorted, 50), percentile(sorted, 99),
                            sorted.length, counted.failures());
                    Thread.sleep(3000); // the replica put back passes its health checks (2 s) before the next phase
                }
            }
        }
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))] / 1e6;
    }
}
