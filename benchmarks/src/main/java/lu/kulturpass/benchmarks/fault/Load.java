package lu.kulturpass.benchmarks.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The steady load the faults meet: scans at a fixed rate (open loop: a scan is sent on time whether or not the ones before
 * were answered), and households enrolled and approved by agency staff at a fixed rate, each approval issuing the
 * members' passes in pass-service. A 503 or a request that got no answer (refused connection, reset, timeout) is sent
 * again, the same request — for a scan the same nonce, as the scanner page does — after 0.4, 0.8, 1.6, 3.2 s and then
 * every 3.2 s, until it is answered or the harness gives up. Every answer is counted by its status; a 500 or any other
 * unexpected status is a failure and is not sent again.
 */
final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] BACKOFF_MILLIS = {400, 800, 1600, 3200};
    /**
     * Scan answers sent again with the same nonce: 503 (the service's own), and a load balancer's 502 and 504 (a replica
     * killed with the scan in flight, when HAProxy could not try it on the other one): a scan is idempotent by its nonce.
     */
    private static final Set<Integer> SENT_AGAIN = Set.of(502, 503, 504);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final ExecutorService enrolling = Executors.newFixedThreadPool(8);
    private final Setup setup;

    /** Answers by what was asked and status ("scan 200", "approve 503", "scan no answer: ConnectException"). */
    final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> scanNanos = new ConcurrentLinkedQueue<>();
    /** Each answered scan's first send (System.nanoTime) and how long it took to its answer. */
    final ConcurrentLinkedQueue<long[]> scanTimes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> enrolmentNanos = new ConcurrentLinkedQueue<>();
    /** Admission id of each scan answered "admitted", by nonce. */
    final Map<String, String> admitted = new ConcurrentHashMap<>();
    /** Refused scans' nonces, with the reason. */
    final Map<String, String> refused = new ConcurrentHashMap<>();
    /** Every nonce sent. */
    final Set<String> nonces = ConcurrentHashMap.newKeySet();
    /** Each approved enrolment's members' pass ids, by enrolment id. */
    final Map<String, List<Long>> approved = new ConcurrentHashMap<>();
    /** 500s, unexpected statuses, requests given up. */
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    final AtomicInteger scansInFlight = new AtomicInteger();
    final AtomicInteger enrolmentsInFlight = new AtomicInteger();
    final LongAdder retried = new LongAdder();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong households = new AtomicLong();
    private volatile long giveUpAt = Long.MAX_VALUE;

    Load(Setup setup) {
        this.setup = setup;
    }

    /**
     * Before the load: scans the pool's first pass at the warm-up performance until admitted (venue-service learns
     * pass-service's signing key from Kafka). These scans are counted with the load's: they are rows like the others.
     */
    void warmUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String nonce = UUID.randomUUID().toString();
            nonces.add(nonce);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(setup.stack.venueUrl + "/admissions"))
                    .header("Authorization", "Bearer " + setup.boxOffice).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + setup.tokens.get(0) + "\",\"nonce\":\"" + nonce
                            + "\",\"device\":\"fault-door-0\",\"performanceId\":\"" + setup.warmUpPerformance + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            count("scan " + response.statusCode());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the warm-up scan answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            if (answer.path("admitted").asBoolean()) {
                admitted.put(nonce, answer.path("admissionId").asText());
                return;
            }
            refused.put(nonce, answer.path("reason").asText());
            Thread.sleep(300);
        }
        throw new IllegalStateException("venue-service admitted no pass within 60 s (it learns pass-service's key from Kafka)");
    }

    /** Starts the scans and the enrolments at their rates; {@link #stop()} ends them. */
    void start(double scansPerSecond, double enrolmentsPerSecond) {
        timer.scheduleAtFixedRate(this::nextScan, 0, Math.round(1e6 / scansPerSecond), TimeUnit.MICROSECONDS);
        timer.scheduleAtFixedRate(() -> enrolling.execute(this::enrolAndApprove), 0, Math.round(1e6 / enrolmentsPerSecond), TimeUnit.MICROSECONDS);
    }

    /** Stops sending new requests; the ones in flight go on until answered or {@code patience} has passed. */
    void stop(Duration patience) {
        giveUpAt = System.nanoTime() + patience.toNanos();
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every request sent was answered or given up; true when none is left. */
    boolean awaitAnswers(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while ((scansInFlight.get() > 0 || enrolmentsInFlight.get() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        enrolling.shutdown();
        return scansInFlight.get() == 0 && enrolmentsInFlight.get() == 0;
    }

    void close() {
        timer.shutdownNow();
        enrolling.shutdownNow();
        retries.shutdownNow();
    }

    /**
     * Scan k shows pass k % pool at performance k / pool: a pair never scanned before, admitted. Every tenth scan instead
     * shows again, under a new nonce, the pass of scan k - 101 (itself a first scan) at its performance: refused (already
     * admitted), unless the earlier scan is still unanswered, when one of the two is admitted.
     */
    private void nextScan() {
        long k = sequence.getAndIncrement();
        long pair = k % 10 == 9 && k >= 101 ? k - 101 : k;
        String token = setup.tokens.get((int) (pair % setup.tokens.size()));
        String performance = setup.performances.get((int) Math.min(setup.performances.size() - 1, pair / setup.tokens.size()));
        scan(token, performance, "fault-door-" + (k % 8));
    }

    /** Sends one scan, answered and counted as the load's (sent again until answered); returns its nonce. */
    String scan(String token, String performance, String device) {
        String nonce = UUID.randomUUID().toString();
        nonces.add(nonce);
        String body = "{\"token\":\"" + token + "\",\"nonce\":\"" + nonce + "\",\"device\":\"" + device
                + "\",\"performanceId\":\"" + performance + "\"}";
        scansInFlight.incrementAndGet();
        scanAttempt(nonce, body, System.nanoTime(), 0);
        return nonce;
    }

    private void scanAttempt(String nonce, String body, long started, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(setup.stack.venueUrl + "/admissions"))
                .header("Authorization", "Bearer " + setup.boxOffice).header("Content-Type", "application/json")
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                count("scan no answer: " + cause(failure).getClass().getSimpleName());
                again(() -> scanAttempt(nonce, body, started, attempt + 1), attempt, "scan " + nonce, scansInFlight);
                return;
            }
            count("scan " + response.statusCode());
            if (SENT_AGAIN.contains(response.statusCode())) {
                again(() -> scanAttempt(nonce, body, started, attempt + 1), attempt, "scan " + nonce, scansInFlight);
                return;
            }
            try {
                if (response.statusCode() == 200) {
                    JsonNode answer = JSON.readTree(response.body());
                    if (answer.path("admitted").asBoolean()) {
                        admitted.put(nonce, answer.path("admissionId").asText());
                    } else {
                        refused.put(nonce, answer.path("reason").asText());
                    }
                    long took = System.nanoTime() - started;
                    scanNanos.add(took);
                    scanTimes.add(new long[] {started, took});
                } else {
                    problems.add("scan answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException unreadable) {
                problems.add("scan answer unreadable: " + response.body());
            } finally {
                scansInFlight.decrementAndGet();
            }
        });
    }

    private void again(Runnable attempt, int attempts, String what, AtomicInteger inFlight) {
        if (System.nanoTime() > giveUpAt) {
            problems.add(what + ": given up unanswered after " + (attempts + 1) + " attempts");
            inFlight.decrementAndGet();
            return;
        }
        retried.increment();
        timer(BACKOFF_MILLIS[Math.min(attempts, BACKOFF_MILLIS.length - 1)], attempt);
    }

    /** Retries are scheduled on their own timer once the load's has been shut down. */
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "fault-retries");
        thread.setDaemon(true);
        return thread;
    });

    private void timer(long millis, Runnable task) {
        retries.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * A household of one to three members (an adult, then children) enrolled, then approved on a criterion with its
     * evidence: eligibility-service asks pass-service to issue each member's pass.
     */
    private void enrolAndApprove() {
        long n = households.incrementAndGet();
        enrolmentsInFlight.incrementAndGet();
        long started = System.nanoTime();
        try {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < 1 + n % 3; m++) {
                LocalDate birth = m == 0 ? LocalDate.of(1960 + (int) (n % 40), 1 + m, 1 + (int) (n % 28)) : LocalDate.of(2012 + m, 3, 1 + (int) (n % 28));
                members.append(m == 0 ? "" : ",").append("{\"firstName\":\"Member").append(m).append(suffix)
                        .append("\",\"lastName\":\"Fault").append(n).append(suffix).append("\",\"birthDate\":\"").append(birth).append("\"}");
            }
            String enrolment = "{\"householdSituation\":\"" + (n % 3 == 0 ? "SINGLE_ADULT" : "SINGLE_PARENT")
                    + "\",\"municipality\":\"Luxembourg\",\"members\":[" + members + "]}";
            HttpResponse<String> created = send("enrol", setup.stack.eligibilityUrl + "/enrolments", enrolment);
            if (created == null || created.statusCode() != 201) {
                fail("enrol", created);
                return;
            }
            String id = JSON.readTree(created.body()).path("id").asText();
            String decision = "{\"outcome\":\"APPROVED\",\"criterion\":\"AVC_ENERGY_BONUS\",\"evidence\":{\"kind\":\"FNS decision\","
                    + "\"issuer\":\"FNS\",\"number\":\"AVC-" + n + "\",\"date\":\"" + LocalDate.now() + "\"}}";
            HttpResponse<String> decided = send("approve", setup.stack.eligibilityUrl + "/enrolments/" + id + "/decision", decision);
            JsonNode view;
            if (decided != null && decided.statusCode() == 409) {
                // an earlier try was approved though its answer was lost: what the enrolment says now
                HttpResponse<String> now = http.send(HttpRequest.newBuilder(URI.create(setup.stack.eligibilityUrl + "/enrolments/" + id))
                        .header("Authorization", "Bearer " + setup.agencyStaff).GET().build(), HttpResponse.BodyHandlers.ofString());
                view = now.statusCode() == 200 ? JSON.readTree(now.body()) : null;
            } else if (decided != null && decided.statusCode() == 200) {
                view = JSON.readTree(decided.body());
            } else {
                fail("approve", decided);
                return;
            }
            if (view == null || !"APPROVED".equals(view.path("status").asText())) {
                problems.add("enrolment " + id + " not approved: " + view);
                return;
            }
            List<Long> passes = new ArrayList<>();
            view.path("members").forEach(member -> passes.add(member.path("passId").isNumber() ? member.path("passId").asLong() : null));
            approved.put(id, passes);
            enrolmentNanos.add(System.nanoTime() - started);
        } catch (Exception failure) {
            problems.add("enrolment " + n + ": " + failure);
        } finally {
            enrolmentsInFlight.decrementAndGet();
        }
    }

    private void fail(String what, HttpResponse<String> response) {
        if (response != null) {
            problems.add(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** POSTs until answered other than 503 (null: given up, already recorded as a problem). */
    private HttpResponse<String> send(String what, String url, String body) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + setup.agencyStaff)
                    .header("Content-Type", "application/json").header("Accept-Language", "en").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                count(what + " " + response.statusCode());
                if (response.statusCode() != 503) {
                    return response;
                }
            } catch (IOException noAnswer) {
                count(what + " no answer: " + noAnswer.getClass().getSimpleName());
            }
            if (System.nanoTime() > giveUpAt) {
                problems.add(what + " " + url + ": given up unanswered after " + (attempt + 1) + " attempts");
                return null;
            }
            retried.increment();
            Thread.sleep(BACKOFF_MILLIS[Math.min(attempt, BACKOFF_MILLIS.length - 1)]);
        }
    }

    private void count(String what) {
        answers.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The answers, sorted by what and status. */
    Map<String, Long> answersByStatus() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }

    static double percentileMillis(ConcurrentLinkedQueue<Long> nanos, double percent) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
