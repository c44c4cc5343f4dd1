package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.core.partner.Partner;
import lu.kulturpass.core.statistics.PartnerStatisticsTest;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTest {

    private static final String ADMISSIONS = "kulturpass.admissions";
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();
    /** Today where the audit counts its "days left". */
    private final LocalDate today = AuditData.programmeToday();

    private JsonPath theatre(String venues) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":" + venues + "}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    private String activeAgreement(String partnerId, LocalDate until) {
        String id = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\"],\"validFrom\":\"" + today.minusMonths(1)
                        + "\",\"validUntil\":\"" + until + "\",\"signedOn\":\"" + today.minusMonths(1) + "\"}")
                .when().post("/partners/" + partnerId + "/agreements").then().statusCode(201).extract().path("id");
        transition(id, "ACTIVATE");
        return id;
    }

    private void transition(String agreementId, String transition) {
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"transition\":\"" + transition + "\"}")
                .when().post("/agreements/" + agreementId + "/transitions").then().statusCode(200);
    }

    private List<Map<String, Object>> audit(String path) {
        return given().auth().oauth2(programmeStaff).when().get("/audit/" + path).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void agreementsEndingWithinSixtyDaysAreListedWithWhetherARenewalIsDrafted() {
        String partnerId = theatre("[{\"name\":\"Salle\"}]").getString("id");
        String agreementId = activeAgreement(partnerId, today.plusDays(20));
        Map<String, Object> listed = audit("expiring-agreements").stream()
                .filter(a -> agreementId.equals(a.get("agreementId"))).findFirst().orElseThrow();
        assertEquals(20, listed.get("daysLeft"));
        assertEquals(false, listed.get("renewalDrafted"));
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"validUntil\":\"" + today.plusYears(1) + "\"}")
                .when().post("/agreements/" + agreementId + "/renewal").then().statusCode(201);
        assertEquals(true, audit("expiring-agreements").stream().filter(a -> agreementId.equals(a.get("agreementId")))
                .findFirst().orElseThrow().get("renewalDrafted"));
        assertTrue(audit("expiring-agreements?within=10").stream().noneMatch(a -> agreementId.equals(a.get("agreementId"))));
    }

    @Test
    void partnersWithoutActivityForNinetyDaysAreListed() {
        String quiet = theatre("[{\"name\":\"Salle\"}]").getString("id");
        JsonPath busyTheatre = theatre("[{\"name\":\"Salle\"}]");
        String busy = busyTheatre.getString("id");
        QuarkusTransaction.requiringNew().run(() -> Partner.update("createdAt = ?1 where id in ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(200), List.of(UUID.fromString(quiet), UUID.fromString(busy))));
        kafka.publish(ADMISSIONS, "901", "lu.kulturpass.admission.recorded", PartnerStatisticsTest.admitted(
                busyTheatre.getString("venues[0].id"), 901, "0.00", 1, OffsetDateTime.now(ZoneOffset.UTC)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                audit("inactive-partners").stream().noneMatch(p -> busy.equals(p.get("partnerId"))));
        assertTrue(audit("inactive-partners").stream().anyMatch(p -> quiet.equals(p.get("partnerId"))));
    }

    @Test
    void admissionsWithoutAnAgreementInForceAreListedWithTheirEvent() {
        JsonPath theatre = theatre("[{\"name\":\"Salle\"}]");
        String venueId = theatre.getString("venues[0].id");
        String agreementId = activeAgreement(theatre.getString("id"), today.plusYears(1));
        transition(agreementId, "TERMINATE");
        String afterTermination = PartnerStatisticsTest.admitted(venueId, 902, "0.00", 1, OffsetDateTime.now(ZoneOffset.UTC), agreementId);
        String withoutAgreement = PartnerStatisticsTest.admitted(venueId, 903, "0.00", 1, OffsetDateTime.now(ZoneOffset.UTC));
        String terminatedEvent = kafka.publish(ADMISSIONS, "902", "lu.kulturpass.admission.recorded", afterTermination);
        kafka.publish(ADMISSIONS, "903", "lu.kulturpass.admission.recorded", withoutAgreement);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                audit("admissions-outside-agreements").stream().filter(a -> venueId.equals(a.get("venueId"))).count() == 2);
        Map<String, Object> finding = audit("admissions-outside-agreements").stream()
                .filter(a -> Integer.valueOf(902).equals(a.get("passId"))).findFirst().orElseThrow();
        assertEquals("while the agreement was not active", finding.get("why"));
        assertEquals(terminatedEvent, finding.get("eventId"));
    }

    @Test
    void aPassAdmittedAtTwoVenuesTooFarApartTooQuicklyIsAnAnomaly() {
        JsonPath partner = theatre("[{\"name\":\"Luxembourg\",\"latitude\":49.6116,\"longitude\":6.1319},"
                + "{\"name\":\"Esch\",\"latitude\":49.4958,\"longitude\":5.9806}]");
        String first = partner.getString("venues[0].id");
        String second = partner.getString("venues[1].id");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        kafka.publish(ADMISSIONS, "904", "lu.kulturpass.admission.recorded", PartnerStatisticsTest.admitted(first, 904, "0.00", 1, at));
        kafka.publish(ADMISSIONS, "904", "lu.kulturpass.admission.recorded", PartnerStatisticsTest.admitted(second, 904, "0.00", 1, at.plusMinutes(5)));
        // an hour later is a plausible journey (17 km): no anomaly
        kafka.publish(ADMISSIONS, "905", "lu.kulturpass.admission.recorded", PartnerStatisticsTest.admitted(first, 905, "0.00", 1, at));
        kafka.publish(ADMISSIONS, "905", "lu.kulturpass.admission.recorded", PartnerStatisticsTest.admitted(second, 905, "0.00", 1, at.plusMinutes(60)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit("anomalies").stream()
                .anyMatch(a -> Integer.valueOf(904).equals(a.get("passId"))));
        Map<String, Object> finding = audit("anomalies").stream().filter(a -> Integer.valueOf(904).equals(a.get("passId"))).findFirst().orElseThrow();
        assertEquals("IMPOSSIBLE_TRAVEL", finding.get("kind"));
        assertEquals(2, ((List<?>) finding.get("eventIds")).size());
        assertTrue(audit("anomalies").stream().noneMatch(a -> Integer.valueOf(905).equals(a.get("passId"))));
    }

    @Test
    void aSpikeOfRefusalsAtAVenueIsAnAnomalyLinkedToTheRefusals() {
        String venueId = theatre("[{\"name\":\"Salle\"}]").getString("venues[0].id");
        for (int i = 0; i < 12; i++) {
            kafka.publish(ADMISSIONS, venueId, "lu.kulturpass.admission.refused", PartnerStatisticsTest.refused(venueId, 0, "FORGED"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit("anomalies").stream()
                .anyMatch(a -> venueId.equals(a.get("venueId")) && "REFUSAL_SPIKE".equals(a.get("kind"))
                        && ((List<?>) a.get("eventIds")).size() == 12));
    }

    @Test
    void onlyProgrammeStaffAudit() {
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).when().get("/audit/anomalies").then().statusCode(403);
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, "venue-1")).when().get("/audit/expiring-agreements").then().statusCode(403);
        given().auth().oauth2(programmeStaff).when().get("/audit/expiring-agreements?within=0").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
