package lu.kulturpass.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.opentelemetry.proto.trace.v1.Span;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first journey across the three packaged services, on real PostgreSQL and a real Kafka broker:
 * enrol → approve → pass issued → QR code → scan at the door → admission counted for the partner.
 */
class FirstJourneyIT {

    private static ServiceProcess passService;
    private static ServiceProcess eligibilityService;
    private static ServiceProcess venueService;
    /** The three services send their traces here (tracing is off unless configured: SignInIT checks that default). */
    private static TraceCollector traces;

    @BeforeAll
    static void startTheStack() {
        traces = new TraceCollector();
        passService = new ServiceProcess("pass-service", traced(PassServiceProcess.create("kulturpass_pass_e2e").config())).start();
        eligibilityService = new ServiceProcess("eligibility-service", traced(Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.recreate("kulturpass_eligibility_e2e"),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", TestKafka.get().bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER,
                "quarkus.rest-client.pass-service.url", passService.url()))).start();
        venueService = new ServiceProcess("venue-service", traced(Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.recreate("kulturpass_venue_e2e"),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", TestKafka.get().bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER))).start();
    }

    private static Map<String, String> traced(Map<String, String> config) {
        Map<String, String> traced = new java.util.HashMap<>(config);
        traced.putAll(traces.serviceConfig());
        return traced;
    }

    @AfterAll
    static void stopTheStack() {
        for (ServiceProcess service : new ServiceProcess[] {venueService, eligibilityService, passService}) {
            if (service != null) {
                service.stop();
            }
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void enrolledHolderIsAdmittedOnceAndCountedOnceForTheVenuesPartner() throws Exception {
        String programmeStaff = BearerTokens.token("programme-staff", null);

        // programme staff register a theatre with its hall, and a social agency
        JsonPath theatre = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre municipal\",\"venues\":[{\"name\":\"Grande salle\"}]}")
                .when().post(passService.url() + "/partners").then().statusCode(201).extract().jsonPath();
        String agencyId = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social\"}")
                .when().post(passService.url() + "/partners").then().statusCode(201).extract().path("id");
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        String statistics = passService.url() + "/statistics/partners/" + partnerId;

        // ... and sign an agreement with the theatre: 1.50 EUR a ticket for adults and children
        String agreementId = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"benefit\":\"REDUCED_PRICE\",\"price\":1.50,\"placesPerEvent\":10,\"acceptedCategories\":[\"ADULT\",\"CHILD\"],"
                        + "\"validFrom\":\"" + java.time.LocalDate.now() + "\",\"validUntil\":\"" + java.time.LocalDate.now().plusYears(1)
                        + "\",\"signedOn\":\"" + java.time.LocalDate.now() + "\"}")
                .when().post(passService.url() + "/partners/" + partnerId + "/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"transition\":\"ACTIVATE\"}")
                .when().post(passService.url() + "/agreements/" + agreementId + "/transitions").then().statusCode(200);
        given().auth().oauth2(programmeStaff).when().get(statistics).then().statusCode(200).body("admissions", equalTo(0));

        // the agency's agreement with the programme: eligibility-service learns it from the partner topic
        String agencyAgreementId = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"validFrom\":\"" + java.time.LocalDate.now() + "\",\"validUntil\":\"" + java.time.LocalDate.now().plusYears(1)
                        + "\",\"signedOn\":\"" + java.time.LocalDate.now() + "\"}")
                .when().post(passService.url() + "/partners/" + agencyId + "/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"transition\":\"ACTIVATE\"}")
                .when().post(passService.url() + "/agreements/" + agencyAgreementId + "/transitions").then().statusCode(200);
        String agencyStaff = BearerTokens.token("agency-staff", agencyId);
        // until the partner event reaches eligibility-service, it does not know the agency (403)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(given().auth().oauth2(agencyStaff)
                .when().get(eligibilityService.url() + "/agencies/mine").then().extract().<Boolean>path("acting")));

        // the agency enrols a household of one and approves it on the cost-of-living allowance: pass-service issues the pass
        String enrolmentId = given().auth().oauth2(agencyStaff).contentType(ContentType.JSON)
                .body("{\"householdSituation\":\"SINGLE_ADULT\",\"municipality\":\"Luxembourg\","
                        + "\"members\":[{\"firstName\":\"Maria\",\"lastName\":\"Santos\",\"birthDate\":\"1984-07-14\"}]}")
                .when().post(eligibilityService.url() + "/enrolments").then().statusCode(201).extract().path("id");
        JsonPath approved = given().auth().oauth2(agencyStaff).contentType(ContentType.JSON)
                .body("{\"outcome\":\"APPROVED\",\"criterion\":\"AVC_ENERGY_BONUS\",\"evidence\":{\"kind\":\"FNS decision\","
                        + "\"issuer\":\"FNS\",\"number\":\"AVC-1\",\"date\":\"" + java.time.LocalDate.now() + "\"}}")
                .when().post(eligibilityService.url() + "/enrolments/" + enrolmentId + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().jsonPath().setRootPath("members[0]");

        // the agency downloads the card's QR code; the box office reads it
        byte[] png = given().auth().oauth2(agencyStaff).when().get(approved.getString("qrCode"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))))).getText();

        // box-office staff scan it at the venue, once venue-service has the agreement from the partner topic
        String boxOffice = BearerTokens.token("box-office", venueId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(boxOffice)
                .when().get(venueService.url() + "/venues/mine").then().extract().<String>path("agreement.id") != null);
        // the venue manager schedules tonight's performance with its Kulturpass places
        String performanceId = given().auth().oauth2(BearerTokens.token("venue-manager", venueId)).contentType(ContentType.JSON)
                .body("{\"title\":\"Le Misanthrope\",\"startsAt\":\"" + java.time.OffsetDateTime.now().plusHours(2)
                        + "\",\"placesOffered\":10}")
                .when().post(venueService.url() + "/performances").then().statusCode(201).extract().path("performanceId");
        String nonce = UUID.randomUUID().toString();
        // the door's request starts a trace (as a box office's proxy or browser instrumentation would)
        String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        JsonPath answer = given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8)) + "-01")
                .body("{\"token\":\"" + scanned + "\",\"nonce\":\"" + nonce + "\",\"device\":\"door-1\",\"performanceId\":\""
                        + performanceId + "\"}")
                .when().post(venueService.url() + "/admissions").then().statusCode(200).extract().jsonPath();
        assertEquals(true, answer.getBoolean("admitted"), answer.prettify());
        assertEquals("MS", answer.getString("holder.initials"));
        assertEquals(1984, answer.getInt("holder.birthYear"));
        assertEquals(approved.getString("passNumber"), answer.getString("passNumber"));
        assertEquals(1.50f, answer.getFloat("price"));

        // the admission reaches the partner's statistics: exactly one
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(programmeStaff).when().get(statistics).then().extract().<Integer>path("admissions") >= 1);
        given().auth().oauth2(programmeStaff).when().get(statistics).then().body("admissions", equalTo(1));

        // the same scan repeated (a retry with the same nonce) gets the same answer and moves nothing
        assertEquals(answer.getString("admissionId"), scan(boxOffice, scanned, nonce, performanceId).getString("admissionId"));
        // a new scan of the same card is refused; once that refusal is counted, every earlier event was too
        assertEquals("ALREADY_ADMITTED", scan(boxOffice, scanned, UUID.randomUUID().toString(), performanceId).getString("reason"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(programmeStaff).when().get(statistics).then().extract().<Integer>path("refusals") >= 1);
        given().auth().oauth2(programmeStaff).when().get(statistics).then()
                .body("admissions", equalTo(1)).body("refusals", equalTo(1)).body("venues[0].admissions", equalTo(1));
        given().auth().oauth2(boxOffice).when().get(venueService.url() + "/performances").then().statusCode(200)
                .body("find { it.performanceId == '" + performanceId + "' }.placesUsed", equalTo(1));

        // the scan is one trace from the door to the statistics: venue-service's request and its event's publication,
        // pass-service's consumption of that event
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> traces.of(traceId).stream()
                .anyMatch(span -> span.service().equals("pass-service") && span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER));
        java.util.List<TraceCollector.Received> trace = traces.of(traceId);
        org.junit.jupiter.api.Assertions.assertTrue(trace.stream().anyMatch(span -> span.service().equals("venue-service")
                && span.kind() == Span.SpanKind.SPAN_KIND_SERVER), trace::toString);
        org.junit.jupiter.api.Assertions.assertTrue(trace.stream().anyMatch(span -> span.service().equals("venue-service")
                && span.kind() == Span.SpanKind.SPAN_KIND_PRODUCER), trace::toString);

        // the pass number typed by hand is known from pass-service's pass events (the same pass: already admitted)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ALREADY_ADMITTED".equals(given().auth().oauth2(boxOffice)
                .contentType(ContentType.JSON).body("{\"code\":\"" + approved.getString("passNumber") + "\",\"nonce\":\""
                        + UUID.randomUUID() + "\",\"performanceId\":\"" + performanceId + "\"}")
                .when().post(venueService.url() + "/admissions").then().statusCode(200).extract().path("reason")));
    }

    @Test
    void everyServiceOffersHealthMetricsAndItsApiDescription() {
        for (ServiceProcess service : new ServiceProcess[] {passService, eligibilityService, venueService}) {
            given().when().get(service.url() + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
            given().when().get(service.url() + "/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
            given().when().get(service.url() + "/q/openapi?format=json").then().statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
            given().when().get(service.url() + "/q/swagger-ui/").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.containsString("text/html"));
        }
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsOfferedBySomeService() {
        java.util.Set<String> offered = new java.util.TreeSet<>(MonitoringFiles.PROMETHEUS_OWN);
        for (ServiceProcess service : new ServiceProcess[] {passService, eligibilityService, venueService}) {
            given().when().get(service.url() + "/no-such-address"); // an answer, so that the HTTP metrics are there
            offered.addAll(lu.kulturpass.testing.ScrapedMetrics.of(service.url()).names());
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(MonitoringFiles.metricNames());
        missing.removeAll(offered);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), missing,
                "deploy/monitoring uses metrics no service offers at /q/metrics");
    }

    private static JsonPath scan(String boxOffice, String token, String nonce, String performanceId) {
        return given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"nonce\":\"" + nonce + "\",\"device\":\"door-1\",\"performanceId\":\""
                        + performanceId + "\"}")
                .when().post(venueService.url() + "/admissions").then().statusCode(200).extract().jsonPath();
    }
}
