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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import lu.kulturpass.testing.BearerTokens;

/**
 * What the load needs, made through the services' APIs as programme staff, an agency and a venue manager would: a theatre
 * with one venue and an agreement in force (1.50 EUR, adults and children, up to 10,000 places a performance), a social
 * agency with its agreement, the performances scanned, and a pool of passes issued to the agency (their tokens are what
 * the box office scans). Waits until eligibility-service knows the agency and venue-service the theatre and pass-service's
 * signing key (a scan of the pool's first pass is admitted: that scan counts with the load's).
 */
final class Setup {

    private static final ObjectMapper JSON = new ObjectMapper();

    final FaultStack stack;
    final String programmeStaff = BearerTokens.token("programme-staff", null);
    final String partnerId;
    final String venueId;
    final String agencyId;
    final String agencyStaff;
    final String boxOffice;
    final List<String> tokens = new ArrayList<>();
    final List<Long> poolPassIds = new ArrayList<>();
    /** Passes issued with the pool but never scanned by the steady load: the replicas' race for a performance's last places. */
    final List<String> reservedTokens = new ArrayList<>();
    final String venueManager;
    final List<String> performances = new ArrayList<>();
    /** Scanned only before the load, until venue-service admits (it knows pass-service's key then). */
    final String warmUpPerformance;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    Setup(FaultStack stack, int pool, int performanceCount) throws Exception {
        this(stack, pool, 0, performanceCount);
    }

    /** @param reserved passes issued beside the pool, kept apart ({@link #reservedTokens}) */
    Setup(FaultStack stack, int pool, int reserved, int performanceCount) throws Exception {
        this.stack = stack;
        String pass = stack.passUrl;
        JsonNode theatre = post(pass + "/partners", programmeStaff, null,
                "{\"kind\":\"CULTURAL\",\"name\":\"Théâtre des pannes\",\"venues\":[{\"name\":\"Grande salle\"}]}", 201);
        partnerId = theatre.path("id").asText();
        venueId = theatre.path("venues").path(0).path("id").asText();
        agencyId = post(pass + "/partners", programmeStaff, null, "{\"kind\":\"SOCIAL\",\"name\":\"Office social des pannes\"}", 201)
                .path("id").asText();
        String dates = "\"validFrom\":\"" + LocalDate.now() + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1)
                + "\",\"signedOn\":\"" + LocalDate.now() + "\"";
        String theatreAgreement = post(pass + "/partners/" + partnerId + "/agreements", programmeStaff, null,
                "{\"benefit\":\"REDUCED_PRICE\",\"price\":1.50,\"placesPerEvent\":10000,\"acceptedCategories\":[\"ADULT\",\"CHILD\"]," + dates + "}",
                201).path("id").asText();
        post(pass + "/agreements/" + theatreAgreement + "/transitions", programmeStaff, null, "{\"transition\":\"ACTIVATE\"}", 200);
        String agencyAgreement = post(pass + "/partners/" + agencyId + "/agreements", programmeStaff, null, "{" + dates + "}", 201)
                .path("id").asText();
        post(pass + "/agreements/" + agencyAgreement + "/transitions", programmeStaff, null, "{\"transition\":\"ACTIVATE\"}", 200);
        agencyStaff = BearerTokens.token("agency-staff", agencyId, Duration.ofHours(12));
        boxOffice = BearerTokens.token("box-office", venueId, Duration.ofHours(12));
        venueManager = BearerTokens.token("venue-manager", venueId, Duration.ofHours(12));

        // the partner topic reaches eligibility-service and venue-service
        await("eligibility-service to know the agency", () -> get(stack.eligibilityUrl + "/agencies/mine", agencyStaff),
                answer -> answer != null && answer.path("acting").asBoolean());
        await("venue-service to know the theatre's agreement", () -> get(stack.venueUrl + "/venues/mine", boxOffice),
                answer -> answer != null && answer.path("agreement").hasNonNull("id"));

        // the pool of passes, issued to the agency in batches of up to 200 households of one
        int issuing = pool + reserved;
        for (int from = 0; from < issuing; from += 200) {
            StringBuilder households = new StringBuilder();
            for (int i = from; i < Math.min(issuing, from + 200); i++) {
                households.append(i == from ? "" : ",").append("{\"idempotencyKey\":\"pool-").append(i)
                        .append("\",\"household\":{\"householdRef\":\"pool-household-").append(i)
                        .append("\",\"members\":[{\"holderRef\":\"pool-").append(i)
                        .append("\",\"category\":\"ADULT\",\"initials\":\"PF\",\"birthYear\":1980}]}}");
            }
            JsonNode issued = post(pass + "/passes/households/batch", agencyStaff, null, "{\"households\":[" + households + "]}", 200);
            issued.forEach(household -> household.path("passes").forEach(p -> {
                (tokens.size() < pool ? tokens : reservedTokens).add(p.path("token").asText());
                poolPassIds.add(p.path("id").asLong());
            }));
        }

        warmUpPerformance = post(stack.venueUrl + "/performances", venueManager, null, "{\"title\":\"Avant les pannes\",\"startsAt\":\""
                + OffsetDateTime.now().plusHours(3) + "\",\"placesOffered\":10000}", 201).path("performanceId").asText();
        for (int i = 0; i < performanceCount; i++) {
            performances.add(post(stack.venueUrl + "/performances", venueManager, null, "{\"title\":\"Panne " + i
                    + "\",\"startsAt\":\"" + OffsetDateTime.now().plusHours(3) + "\",\"placesOffered\":10000}", 201)
                    .path("performanceId").asText());
        }
    }

    JsonNode get(String url, String bearer) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException unanswered) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    JsonNode post(String url, String bearer, String idempotencyKey, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        // while a partner event has not reached the service yet, it refuses the caller (403): ask again for up to 60 s
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return JSON.readTree(response.body());
            }
            if (response.statusCode() != 403 || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(250);
        }
    }

    static JsonNode await(String what, java.util.function.Supplier<JsonNode> ask, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode answer = ask.get();
            if (done.test(answer)) {
                return answer;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("waited 60 s for " + what);
    }

    static String newNonce() {
        return UUID.randomUUID().toString();
    }
}
