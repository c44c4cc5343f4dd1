package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Places offered (venue-service's performance events) against places used (admissions, less undos). */
@QuarkusTest
class PlacesOfferedAndUsedTest {

    private static final String PERFORMANCES = "kulturpass.performances";
    private static final String ADMISSIONS = "kulturpass.admissions";
    private static final AtomicLong PASS_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);
    /** The pass of each admission published here (the undo event is keyed by it, as venue-service does). */
    private static final Map<String, Long> PASSES_OF = new java.util.concurrent.ConcurrentHashMap<>();

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();
    private final OffsetDateTime tonight = LocalDate.now(ZoneId.of("Europe/Luxembourg")).atTime(20, 0)
            .atZone(ZoneId.of("Europe/Luxembourg")).toOffsetDateTime();

    private void announce(String type, String performanceId, String venueId, int places) {
        kafka.publish(PERFORMANCES, performanceId, "lu.kulturpass.performance." + type,
                "{\"performanceId\":\"" + performanceId + "\",\"venueId\":\"" + venueId + "\",\"title\":\"Hamlet\",\"startsAt\":\""
                        + tonight + "\",\"day\":\"" + tonight.toLocalDate() + "\",\"placesOffered\":" + places
                        + ",\"status\":\"" + ("cancelled".equals(type) ? "CANCELLED" : "SCHEDULED") + "\"}");
    }

    /** An admission to a performance; returns its admission id. */
    private String admit(String venueId, String performanceId, int groupSize) {
        long pass = PASS_IDS.incrementAndGet();
        String admissionId = UUID.randomUUID().toString();
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded",
                "{\"admissionId\":\"" + admissionId + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + pass
                        + ",\"performanceId\":\"" + performanceId + "\",\"category\":\"" + (groupSize > 1 ? "COLLECTIVE" : "ADULT")
                        + "\",\"groupSize\":" + groupSize + ",\"price\":\"" + java.math.BigDecimal.valueOf(150L * groupSize, 2).toPlainString()
                        + "\",\"reason\":\"ADMITTED\",\"scannedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
        PASSES_OF.put(admissionId, pass);
        return admissionId;
    }

    private String undoEvent(String admissionId, String venueId, String performanceId) {
        return "{\"admissionId\":\"" + admissionId + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + PASSES_OF.get(admissionId)
                + ",\"performanceId\":\"" + performanceId + "\",\"undoneBy\":\"box-office-1\",\"undoneAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"reason\":\"wrong person\"}";
    }

    private JsonPath figures(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void placesOfferedFollowTheLatestAnnouncementAndPlacesUsedCountTicketsLessUndoneAdmissions() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        String hamlet = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        announce("scheduled", hamlet, venueId, 10);
        announce("scheduled", cancelled, venueId, 5);
        String first = admit(venueId, hamlet, 1);
        admit(venueId, hamlet, 1);
        admit(venueId, hamlet, 4);
        String undo = undoEvent(first, venueId, hamlet);
        String undoId = UUID.randomUUID().toString();
        kafka.publish(ADMISSIONS, String.valueOf(PASSES_OF.get(first)), undoId, "lu.kulturpass.admission.undone", undo);
        kafka.publish(ADMISSIONS, String.valueOf(PASSES_OF.get(first)), undoId, "lu.kulturpass.admission.undone", undo);
        announce("changed", hamlet, venueId, 12);
        announce("cancelled", cancelled, venueId, 5);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath f = figures(partnerId);
            return f.getInt("placesOffered") == 12 && f.getInt("placesUsed") == 5 && f.getInt("admissions") == 2;
        });
        JsonPath f = figures(partnerId);
        assertEquals(5, f.getInt("tickets"), "a group of 4 and one person, the undone admission taken back");
        assertEquals(0, new java.math.BigDecimal("7.50").compareTo(new java.math.BigDecimal(f.getString("ticketValue"))));
        assertEquals(12, f.getInt("venues[0].placesOffered"));
        assertEquals(5, f.getInt("venues[0].placesUsed"));
        JsonPath programme = given().auth().oauth2(programmeStaff).when().get("/statistics/programme")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(programme.getLong("placesOffered") >= 12 && programme.getLong("placesUsed") >= 5, programme.prettify());
    }

    @Test
    void anAdmissionReadBeforeItsPerformanceIsAnnouncedStillCountsAgainstTheOffer() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String venueId = theatre.getString("venues[0].id");
        String concert = UUID.randomUUID().toString();
        admit(venueId, concert, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(theatre.getString("id")).getInt("placesUsed") == 1);
        assertEquals(0, figures(theatre.getString("id")).getInt("placesOffered"), "not announced yet: nothing offered");
        announce("scheduled", concert, venueId, 3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(theatre.getString("id")).getInt("placesOffered") == 3);
        assertEquals(1, figures(theatre.getString("id")).getInt("placesUsed"));
    }

    @Test
    void morePlacesUsedThanOfferedIsAnAnomalyNamingTheAdmissionsBehindIt() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String venueId = theatre.getString("venues[0].id");
        String recital = UUID.randomUUID().toString();
        announce("scheduled", recital, venueId, 2);
        List<String> admissions = List.of(admit(venueId, recital, 1), admit(venueId, recital, 1), admit(venueId, recital, 1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(theatre.getString("id")).getInt("placesUsed") == 3
                && figures(theatre.getString("id")).getInt("placesOffered") == 2);
        List<Map<String, Object>> findings = given().auth().oauth2(programmeStaff).when().get("/audit/anomalies")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'PLACES_ABOVE_OFFER' && it.venueId == '"
                        + venueId + "' }");
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).get("detail").toString().startsWith("3 Kulturpass places used of 2 offered"), findings.toString());
        assertTrue(((List<?>) findings.get(0).get("admissionIds")).containsAll(admissions), findings.toString());
        assertEquals(3, ((List<?>) findings.get(0).get("eventIds")).size());
    }

    @Test
    void anOfflineDoubleUseCountsAsAnAdmissionTakesNoPlaceAndIsAnAnomalyWithBothAdmissions() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        String play = UUID.randomUUID().toString();
        announce("scheduled", play, venueId, 10);
        String first = admit(venueId, play, 1);
        long pass = PASSES_OF.get(first);
        String second = UUID.randomUUID().toString();
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded",
                "{\"admissionId\":\"" + second + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + pass
                        + ",\"performanceId\":\"" + play + "\",\"category\":\"ADULT\",\"groupSize\":1,\"price\":\"1.50\""
                        + ",\"reason\":\"VALID\",\"offline\":true,\"doubleUse\":true,\"scannedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("admissions") == 2
                && figures(partnerId).getInt("placesOffered") == 10);
        assertEquals(1, figures(partnerId).getInt("placesUsed"), "the second admission of the pass takes no place");
        List<Map<String, Object>> findings = given().auth().oauth2(programmeStaff).when().get("/audit/anomalies")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'OFFLINE_DOUBLE_USE' && it.venueId == '"
                        + venueId + "' }");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(List.of(first, second), findings.get(0).get("admissionIds"));
    }

    @Test
    void rebuildingFromTheTopicsGivesTheSamePlacesOfferedAndUsed() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        String opera = UUID.randomUUID().toString();
        announce("scheduled", opera, venueId, 8);
        String first = admit(venueId, opera, 2);
        admit(venueId, opera, 1);
        kafka.publish(ADMISSIONS, String.valueOf(PASSES_OF.get(first)), "lu.kulturpass.admission.undone", undoEvent(first, venueId, opera));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("placesUsed") == 1
                && figures(partnerId).getInt("placesOffered") == 8);
        String before = figures(partnerId).prettify();
        given().auth().oauth2(programmeStaff).when().post("/statistics/rebuild").then().statusCode(200);
        assertEquals(before, figures(partnerId).prettify());
    }
}
