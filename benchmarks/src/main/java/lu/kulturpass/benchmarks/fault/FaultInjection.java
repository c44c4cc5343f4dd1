package lu.kulturpass.benchmarks.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.benchmarks.HarnessLogging;
import lu.kulturpass.testing.TestDatabase;

/**
 * Fault injection under load, bounded in time, on loopback: the three packaged services on real PostgreSQL and a Kafka
 * broker ({@link FaultStack}), steady scans, enrolments and issuing ({@link Load}), and one fault in the middle:
 * <ul>
 *   <li>{@code kafka}: the broker taken away for 60 s, then brought back (same port, same logs);</li>
 *   <li>{@code postgres}: the machine's PostgreSQL cluster restarted ({@code pg_ctlcluster 15 main restart});</li>
 *   <li>{@code kill}: venue-service killed with SIGKILL while scans are in flight, and started again;</li>
 *   <li>{@code none}: no fault, the same load and checks (the baseline).</li>
 * </ul>
 * Then, until every check holds or the bound passes, it checks exactly: every scan answered "admitted" is in
 * venue-service's admission table once and in pass-service's statistics once (its fact, the venue's daily figures, the
 * partner's figures, the performance's places), nothing is there twice or unanswered; every approved enrolment's members
 * have their passes, issued once, known to the statistics and to venue-service; no answer was a 500. Prints the answers
 * by status, p50/p99 and the time to converge; exits 1 when a check fails.
 * <pre>benchmarks/run-faults kafka|postgres|kill|none [seconds of load]</pre>
 */
public final class FaultInjection {

    public enum Fault { KAFKA, POSTGRES, KILL, NONE }

    /**
     * @param fault           what to inject
     * @param seconds         how long the load runs
     * @param faultAt         seconds into the load when the fault begins
     * @param outage          how long the broker stays away (Kafka case)
     * @param scansPerSecond  the scans' rate
     * @param enrolmentsPerSecond the households' rate (each approved, one to three passes)
     * @param pool            passes issued beforehand, whose tokens are scanned
     * @param convergence     how long to wait for every check to hold after the load
     * @param brokerProcess   the broker in a JVM of its own (else in this one)
     */
    public record Options(Fault fault, int seconds, int faultAt, int outage, double scansPerSecond, double enrolmentsPerSecond,
                          int pool, Duration convergence, boolean brokerProcess) {
    }

    /** What a run found: the report printed, and the checks that failed (none: passed). */
    public record Outcome(String report, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private FaultInjection() {
    }

    public static void main(String[] args) {
        HarnessLogging.configure();
        int status;
        try {
            Fault fault = Fault.valueOf((args.length > 0 ? args[0] : "postgres").toUpperCase(Locale.ROOT));
            int seconds = args.length > 1 ? Integer.parseInt(args[1]) : (fault == Fault.KAFKA ? 120 : 90);
            double scans = Double.parseDouble(System.getenv().getOrDefault("KULTURPASS_FAULT_SCANS_PER_SECOND", "20"));
            double enrolments = Double.parseDouble(System.getenv().getOrDefault("KULTURPASS_FAULT_ENROLMENTS_PER_SECOND", "0.5"));
            int faultAt = Math.min(20, seconds / 4);
            if (fault == Fault.KAFKA && seconds < faultAt + 70) {
                throw new IllegalArgumentException("the Kafka case needs at least " + (faultAt + 70) + " s of load (a 60 s outage)");
            }
            Outcome outcome = run(new Options(fault, seconds, faultAt, 60, scans, enrolments, 1000, Duration.ofSeconds(180), true));
            status = outcome.passed() ? 0 : 1;
        } catch (Exception failure) {
            failure.printStackTrace();
            status = 2;
        }
        System.exit(status); // the Kafka clients' threads would keep the JVM alive
    }

    public static Outcome run(Options options) throws Exception {
        StringBuilder report = new StringBuilder();
        long began = System.nanoTime();
        int performances = (int) Math.ceil(options.scansPerSecond() * options.seconds() * 1.1 / options.pool()) + 1;
        say(report, "case %s: %d s of load, %.1f scans/s, %.2f households/s, fault at %d s; %d cores, load average %s",
                options.fault().name().toLowerCase(Locale.ROOT), options.seconds(), options.scansPerSecond(), options.enrolmentsPerSecond(),
                options.faultAt(), Runtime.getRuntime().availableProcessors(), loadAverage());
        FaultStack.Broker broker = options.brokerProcess() ? FaultStack.Broker.ownProcess() : FaultStack.Broker.inThisProcess();
        FaultStack stack = null;
        Load load = null;
        try {
            stack = new FaultStack(broker);
            Setup setup = new Setup(stack, options.pool(), performances);
            load = new Load(setup);
            load.warmUp();
            say(report, "stack ready and set up in %.0f s (%d passes in the pool, %d performances)", (System.nanoTime() - began) / 1e9,
                    setup.tokens.size(), setup.performances.size());

            long loadStarted = System.nanoTime();
            load.start(options.scansPerSecond(), options.enrolmentsPerSecond());
            sleepUntil(loadStarted, options.faultAt());
            double faultBegan = seconds(loadStarted);
            double healedAt = inject(options, stack, load, report, loadStarted);
            sleepUntil(loadStarted, options.seconds());
            load.stop(options.convergence());
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            say(report, "load stopped at %.1f s; %d scans and %d enrolments still unanswered", loadSeconds, load.scansInFlight.get(),
                    load.enrolmentsInFlight.get());
            boolean allAnswered = load.awaitAnswers(options.convergence());
            double answeredAt = (System.nanoTime() - loadStarted) / 1e9;
            say(report, "every request answered or given up at %.1f s%s", answeredAt, allAnswered ? "" : " (some still unanswered: the bound passed)");

            // converge: every check holds, or the bound passes
            Checks checks = new Checks(stack, setup, load);
            long convergeDeadline = System.nanoTime() + options.convergence().toNanos();
            List<String> failures = checks.run();
            List<String> atFirst = failures;
            while (!failures.isEmpty() && System.nanoTime() < convergeDeadline) {
                Thread.sleep(500);
                failures = checks.run();
            }
            double convergedAt = (System.nanoTime() - loadStarted) / 1e9;
            failures = new ArrayList<>(failures);
            failures.addAll(requestFailures(load));
            answers(report, load);
            say(report, "scan, first send to answer:        p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms   (%d scans)",
                    Load.percentileMillis(load.scanNanos, 50), Load.percentileMillis(load.scanNanos, 99),
                    Load.percentileMillis(load.scanNanos, 100), load.scanNanos.size());
            if (!Double.isNaN(healedAt)) {
                say(report, "  scans sent before the fault (0-%.0f s):  %s", faultBegan, window(load, loadStarted, 0, faultBegan));
                say(report, "  scans sent during it (%.0f-%.0f s):      %s", faultBegan, healedAt, window(load, loadStarted, faultBegan, healedAt));
                say(report, "  scans sent after it (%.0f-%.0f s):       %s", healedAt, loadSeconds, window(load, loadStarted, healedAt, loadSeconds));
            }
            say(report, "enrol + approve (passes issued):   p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms   (%d households approved, %d passes)",
                    Load.percentileMillis(load.enrolmentNanos, 50), Load.percentileMillis(load.enrolmentNanos, 99),
                    Load.percentileMillis(load.enrolmentNanos, 100), load.approved.size(),
                    load.approved.values().stream().mapToInt(List::size).sum());
            say(report, "time to converge: %.1f s after the load stopped, %.1f s after every request was answered%s",
                    convergedAt - loadSeconds, convergedAt - answeredAt,
                    Double.isNaN(healedAt) ? "" : String.format(", %.1f s after the fault ended", convergedAt - healedAt));
            if (!atFirst.isEmpty()) {
                say(report, "not yet when every request was answered: %s", atFirst);
            }
            say(report, "checks (%s):", failures.isEmpty() ? "all hold" : failures.size() + " FAILED");
            checks.lastFigures.forEach(line -> say(report, "  %s", line));
            failures.forEach(failure -> say(report, "  FAILED: %s", failure));
            say(report, "load average after: %s; services' logs: %s", loadAverage(), stack.venue.log().toAbsolutePath().getParent());
            return new Outcome(report.toString(), failures);
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

    /** Injects the fault; returns when it ended (seconds into the load), NaN for none. */
    private static double inject(Options options, FaultStack stack, Load load, StringBuilder report, long loadStarted) throws Exception {
        switch (options.fault()) {
            case KAFKA -> {
                say(report, "%.1f s: broker taken away for %d s", seconds(loadStarted), options.outage());
                stack.broker.takeAway();
                sleepUntil(loadStarted, options.faultAt() + options.outage());
                stack.broker.bringBack();
                double back = seconds(loadStarted);
                say(report, "%.1f s: broker back", back);
                return back;
            }
            case POSTGRES -> {
                String[] cluster = System.getenv().getOrDefault("KULTURPASS_PG_CLUSTER", "15 main").split(" ");
                say(report, "%.1f s: pg_ctlcluster %s %s restart", seconds(loadStarted), cluster[0], cluster[1]);
                restartPostgres(cluster[0], cluster[1]);
                double restarted = seconds(loadStarted);
                awaitPostgres(Duration.ofSeconds(60));
                double back = seconds(loadStarted);
                say(report, "%.1f s: restart command done; %.1f s: PostgreSQL accepts connections", restarted, back);
                return back;
            }
            case KILL -> {
                int inFlight = load.scansInFlight.get();
                stack.venue.kill();
                double killed = seconds(loadStarted);
                say(report, "%.1f s: venue-service killed (SIGKILL) with %d scans in flight", killed, inFlight);
                stack.venue.start();
                double back = seconds(loadStarted);
                say(report, "%.1f s: venue-service ready again (%.1f s after the kill)", back, back - killed);
                return back;
            }
            default -> {
                return Double.NaN;
            }
        }
    }

    /** {@code pg_ctlcluster <version> <name> restart}: as root (CI runs as root), else through sudo. */
    public static void restartPostgres(String version, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", version, name, "restart"));
        if (!"root".equals(System.getProperty("user.name"))) {
            command.add(0, "sudo");
            command.add(1, "-n");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + said);
        }
    }

    /** Waits until PostgreSQL accepts a connection again (or the patience runs out: an exception). */
    public static void awaitPostgres(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl("postgres"), TestDatabase.USER, TestDatabase.PASSWORD)) {
                db.createStatement().execute("select 1");
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not accept connections within " + patience.toSeconds() + " s", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** p50 and p99 of the scans first sent between two moments (seconds into the load). */
    static String window(Load load, long loadStarted, double from, double to) {
        java.util.concurrent.ConcurrentLinkedQueue<Long> took = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (long[] scan : load.scanTimes) {
            double sent = (scan[0] - loadStarted) / 1e9;
            if (sent >= from && sent < to) {
                took.add(scan[1]);
            }
        }
        return String.format(Locale.ROOT, "p50 %8.1f ms   p99 %8.1f ms   (%d scans)", Load.percentileMillis(took, 50),
                Load.percentileMillis(took, 99), took.size());
    }

    static String reasons(Map<String, String> refused) {
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        refused.values().forEach(reason -> byReason.merge(reason, 1, Integer::sum));
        return byReason.toString();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void sleepUntil(long started, double seconds) throws InterruptedException {
        long wait = started + (long) (seconds * 1e9) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** What the load's own requests say is wrong: requests failed or given up, and any answer 500. */
    static List<String> requestFailures(Load load) {
        List<String> failures = new ArrayList<>();
        List<String> problems = new ArrayList<>(load.problems);
        if (!problems.isEmpty()) {
            failures.add(problems.size() + " requests failed or were given up; the first: " + problems.subList(0, Math.min(5, problems.size())));
        }
        long fiveHundreds = load.answersByStatus().entrySet().stream().filter(e -> e.getKey().endsWith(" 500")).mapToLong(Map.Entry::getValue).sum();
        if (fiveHundreds > 0) {
            failures.add(fiveHundreds + " answers were 500");
        }
        return failures;
    }

    /** Reports the load's answers by status and the scans admitted, refused and sent again. */
    static void answers(StringBuilder report, Load load) {
        say(report, "");
        say(report, "answers by status (every attempt, retries included):");
        load.answersByStatus().forEach((what, count) -> say(report, "  %-40s %7d", what, count));
        say(report, "scans answered: %d admitted, %d refused %s; requests sent again (502, 503, 504 or no answer): %d",
                load.admitted.size(), load.refused.size(), reasons(load.refused), load.retried.sum());
    }

    static void say(StringBuilder report, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    /** The exact checks, on the three databases and pass-service's API. */
    static final class Checks {

        private final FaultStack stack;
        private final Setup setup;
        private final Load load;
        /** What the last run counted, one line each. */
        List<String> lastFigures = List.of();

        Checks(FaultStack stack, Setup setup, Load load) {
            this.stack = stack;
            this.setup = setup;
            this.load = load;
        }

        List<String> run() {
            List<String> failures = new ArrayList<>();
            List<String> figures = new ArrayList<>();
            try {
                scans(failures, figures);
                enrolments(failures, figures);
            } catch (SQLException | RuntimeException unreadable) {
                failures.add("could not read: " + unreadable);
            }
            lastFigures = figures;
            return failures;
        }

        private void scans(List<String> failures, List<String> figures) throws SQLException {
            Set<String> answeredAdmitted = new HashSet<>(load.admitted.values());
            int admittedAnswers = load.admitted.size();
            int refusedAnswers = load.refused.size();
            if (answeredAdmitted.size() != admittedAnswers) {
                failures.add("two scans were answered with the same admission id");
            }
            // venue-service: every scan answered is one row, under its nonce; the admitted ones are the answered ones
            Map<String, String> venueAdmitted = new HashMap<>();
            Map<String, Integer> rowsByNonce = new HashMap<>();
            int venueRows = 0;
            int twicePerPerformance;
            try (Connection db = connect(stack.venueDb)) {
                try (PreparedStatement rows = db.prepareStatement("select id::text, nonce, outcome from admission where venue_id = ?")) {
                    rows.setString(1, setup.venueId);
                    try (ResultSet row = rows.executeQuery()) {
                        while (row.next()) {
                            venueRows++;
                            rowsByNonce.merge(row.getString(2), 1, Integer::sum);
                            if ("ADMITTED".equals(row.getString(3))) {
                                venueAdmitted.put(row.getString(1), row.getString(2));
                            }
                        }
                    }
                }
                twicePerPerformance = count(db, "select count(*) from (select performance_id, pass_id from admission where outcome = 'ADMITTED'"
                        + " and undone_at is null group by 1, 2 having count(*) > 1) twice");
            }
            figures.add(String.format("venue-service: %d admission rows (%d admitted) for %d scans answered (%d admitted)",
                    venueRows, venueAdmitted.size(), admittedAnswers + refusedAnswers, admittedAnswers));
            missingAndExtra(failures, "venue-service's admission table", answeredAdmitted, venueAdmitted.keySet());
            long noncesTwice = rowsByNonce.values().stream().filter(n -> n > 1).count();
            if (noncesTwice > 0) {
                failures.add(noncesTwice + " nonces recorded twice in venue-service");
            }
            Set<String> answeredNonces = new HashSet<>(load.admitted.keySet());
            answeredNonces.addAll(load.refused.keySet());
            Set<String> unansweredRows = new HashSet<>(rowsByNonce.keySet());
            unansweredRows.removeAll(answeredNonces);
            if (!unansweredRows.isEmpty()) {
                failures.add(unansweredRows.size() + " scans recorded in venue-service were never answered to the door");
            }
            Set<String> answeredNotRecorded = new HashSet<>(answeredNonces);
            answeredNotRecorded.removeAll(rowsByNonce.keySet());
            if (!answeredNotRecorded.isEmpty()) {
                failures.add(answeredNotRecorded.size() + " scans answered to the door are not in venue-service's table");
            }
            if (twicePerPerformance > 0) {
                failures.add(twicePerPerformance + " passes admitted twice to one performance");
            }

            // pass-service: each admission's fact once, and every figure moved by exactly the scans answered
            Set<String> facts = new HashSet<>();
            int refusedFacts;
            long[] daily;
            long placesUsed;
            long monthly;
            try (Connection db = connect(stack.passDb)) {
                try (PreparedStatement rows = db.prepareStatement("select admission_id::text from admission_fact where venue_id = ?::uuid and outcome = 'ADMITTED'")) {
                    rows.setString(1, setup.venueId);
                    try (ResultSet row = rows.executeQuery()) {
                        while (row.next()) {
                            facts.add(row.getString(1));
                        }
                    }
                }
                refusedFacts = count(db, "select count(*) from admission_fact where venue_id = '" + setup.venueId + "' and outcome = 'REFUSED'");
                daily = longs(db, "select coalesce(sum(admissions), 0), coalesce(sum(refusals), 0) from venue_daily_usage where venue_id = '"
                        + setup.venueId + "'");
                placesUsed = longs(db, "select coalesce(sum(places_used), 0) from performance_places where venue_id = '" + setup.venueId + "'")[0];
                monthly = longs(db, "select coalesce(sum(admissions), 0) from venue_monthly_pass where venue_id = '" + setup.venueId + "'")[0];
            }
            JsonNode partner = setup.get(stack.passUrl + "/statistics/partners/" + setup.partnerId, setup.programmeStaff);
            long partnerAdmissions = partner == null ? -1 : partner.path("admissions").asLong();
            long partnerRefusals = partner == null ? -1 : partner.path("refusals").asLong();
            figures.add(String.format("pass-service: %d admitted facts, %d refused; venue's days %d admissions, %d refusals; months %d; "
                            + "places used %d; the partner's figures (API) %d admissions, %d refusals",
                    facts.size(), refusedFacts, daily[0], daily[1], monthly, placesUsed, partnerAdmissions, partnerRefusals));
            missingAndExtra(failures, "pass-service's admission facts", answeredAdmitted, facts);
            expect(failures, "refused facts in pass-service", refusedAnswers, refusedFacts);
            expect(failures, "admissions in the venue's daily figures", admittedAnswers, daily[0]);
            expect(failures, "refusals in the venue's daily figures", refusedAnswers, daily[1]);
            expect(failures, "admissions in the venue's monthly figures", admittedAnswers, monthly);
            expect(failures, "places used in the performances' figures", admittedAnswers, placesUsed);
            expect(failures, "admissions in the partner's figures", admittedAnswers, partnerAdmissions);
            expect(failures, "refusals in the partner's figures", refusedAnswers, partnerRefusals);
        }

        private void enrolments(List<String> failures, List<String> figures) throws SQLException {
            Map<String, List<Long>> approved = new HashMap<>(load.approved);
            Set<Long> answeredPasses = new HashSet<>();
            approved.values().forEach(answeredPasses::addAll);
            if (answeredPasses.contains(null)) {
                failures.add("an approval answered a member without a pass");
                answeredPasses.remove(null);
            }
            // eligibility-service: each approved enrolment is APPROVED, each of its members has the pass the answer named
            int membersWithoutPass = 0;
            int wrongStatus = 0;
            Map<String, Long> beneficiaryPass = new HashMap<>();
            try (Connection db = connect(stack.eligibilityDb);
                 PreparedStatement enrolment = db.prepareStatement("select status from enrolment where id = ?::uuid");
                 PreparedStatement members = db.prepareStatement("select id::text, pass_id from beneficiary where enrolment_id = ?::uuid")) {
                for (var entry : approved.entrySet()) {
                    enrolment.setString(1, entry.getKey());
                    try (ResultSet row = enrolment.executeQuery()) {
                        if (!row.next() || !"APPROVED".equals(row.getString(1))) {
                            wrongStatus++;
                        }
                    }
                    members.setString(1, entry.getKey());
                    int n = 0;
                    try (ResultSet row = members.executeQuery()) {
                        while (row.next()) {
                            n++;
                            long pass = row.getLong(2);
                            if (row.wasNull() || !entry.getValue().contains(pass)) {
                                membersWithoutPass++;
                            } else {
                                beneficiaryPass.put(row.getString(1), pass);
                            }
                        }
                    }
                    if (n != entry.getValue().size()) {
                        membersWithoutPass += Math.abs(n - entry.getValue().size());
                    }
                }
            }
            if (wrongStatus > 0) {
                failures.add(wrongStatus + " approved enrolments are not APPROVED in eligibility-service");
            }
            if (membersWithoutPass > 0) {
                failures.add(membersWithoutPass + " members of approved enrolments lack the pass they were answered");
            }
            // pass-service: the passes exist, active, once per holder; nothing issued beyond the pool and the approvals; the
            // statistics know each pass and each approved beneficiary
            Set<Long> issued = new HashSet<>();
            int holdersTwice;
            Set<Long> statsPasses = new HashSet<>();
            int approvedBeneficiaries;
            try (Connection db = connect(stack.passDb)) {
                try (ResultSet row = db.createStatement().executeQuery("select id from pass where agency_id = '" + setup.agencyId
                        + "' and status = 'ACTIVE'")) {
                    while (row.next()) {
                        issued.add(row.getLong(1));
                    }
                }
                holdersTwice = count(db, "select count(*) from (select holder_ref from pass where agency_id = '" + setup.agencyId
                        + "' group by 1 having count(*) > 1) twice");
                try (ResultSet row = db.createStatement().executeQuery("select pass_id from stats_pass where agency_id = '" + setup.agencyId + "'")) {
                    while (row.next()) {
                        statsPasses.add(row.getLong(1));
                    }
                }
                approvedBeneficiaries = 0;
                try (PreparedStatement beneficiary = db.prepareStatement("select approved_on from stats_enrolment where beneficiary_id = ?")) {
                    for (String id : beneficiaryPass.keySet()) {
                        beneficiary.setString(1, id);
                        try (ResultSet row = beneficiary.executeQuery()) {
                            if (row.next() && row.getDate(1) != null) {
                                approvedBeneficiaries++;
                            }
                        }
                    }
                }
            }
            Set<Long> expected = new HashSet<>(answeredPasses);
            expected.addAll(setup.poolPassIds);
            missingAndExtra(failures, "pass-service's active passes of the agency", expected, issued);
            if (holdersTwice > 0) {
                failures.add(holdersTwice + " holders were issued two passes");
            }
            missingAndExtra(failures, "pass-service's statistics of passes", expected, statsPasses);
            expect(failures, "approved beneficiaries in pass-service's statistics", beneficiaryPass.size(), approvedBeneficiaries);
            // venue-service knows each pass issued (pass.issued through Kafka)
            Set<Long> standing = new HashSet<>();
            try (Connection db = connect(stack.venueDb);
                 ResultSet row = db.createStatement().executeQuery("select pass_id from pass_standing")) {
                while (row.next()) {
                    standing.add(row.getLong(1));
                }
            }
            Set<Long> unknownToVenue = new HashSet<>(answeredPasses);
            unknownToVenue.removeAll(standing);
            if (!unknownToVenue.isEmpty()) {
                failures.add(unknownToVenue.size() + " passes of approved enrolments unknown to venue-service (pass events)");
            }
            figures.add(String.format("enrolments: %d approved, %d members with their passes; pass-service %d active passes of the agency "
                            + "(%d of the pool), %d in the statistics, %d approved beneficiaries counted; venue-service knows %d of the %d new passes",
                    approved.size(), beneficiaryPass.size(), issued.size(), setup.poolPassIds.size(), statsPasses.size(), approvedBeneficiaries,
                    answeredPasses.size() - unknownToVenue.size(), answeredPasses.size()));
        }

        private static <T> void missingAndExtra(List<String> failures, String where, Set<T> expected, Set<T> found) {
            Set<T> missing = new HashSet<>(expected);
            missing.removeAll(found);
            Set<T> extra = new HashSet<>(found);
            extra.removeAll(expected);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                failures.add(where + ": " + missing.size() + " missing, " + extra.size() + " not expected (of " + expected.size() + ")");
            }
        }

        private static void expect(List<String> failures, String what, long expected, long found) {
            if (expected != found) {
                failures.add(what + ": " + found + ", expected " + expected);
            }
        }

        private static Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        }

        private static int count(Connection db, String sql) throws SQLException {
            return (int) longs(db, sql)[0];
        }

        private static long[] longs(Connection db, String sql) throws SQLException {
            try (ResultSet row = db.createStatement().executeQuery(sql)) {
                row.next();
                long[] values = new long[row.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getLong(i + 1);
                }
                return values;
            }
        }
    }
}
