package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
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

@QuarkusTest
public class PartnerStatisticsTest {

    static final String ADMISSIONS = "kulturpass.admissions";
    private static final AtomicLong PASS_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 5_000_000_000L);
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    static JsonPath registerTheatre(String programmeStaff) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Grande salle\"}]}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    public static String admitted(String venueId, long passId, String price, int groupSize, OffsetDateTime at) {
        return admitted(venueId, passId, price, groupSize, at, null);
    }

    public static String admitted(String venueId, long passId, String price, int groupSize, OffsetDateTime at, String agreementId) {
        return "{\"admissionId\":\"" + UUID.randomUUID() + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + passId
                + (agreementId == null ? "" : ",\"agreementId\":\"" + agreementId + "\"")
                + ",\"category\":\"" + (groupSize > 1 ? "COLLECTIVE" : "ADULT") + "\",\"groupSize\":" + groupSize
                + ",\"price\":\"" + price + "\",\"reason\":\"VALID\",\"scannedAt\":\"" + at + "\"}";
    }

    public static String refused(String venueId, long passId, String reason) {
        return "{\"admissionId\":\"" + UUID.randomUUID() + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + passId
                + ",\"reason\":\"" + reason + "\",\"scannedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
    }

    private JsonPath figures(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAdmissionEventOfANewerSchemaVersionCountsByTheFieldsThisVersionKnows() {
        // a rolling upgrade: venue-service already writes version 2 (hand-made here: new fields, a nested object)
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        long pass = PASS_IDS.incrementAndGet();
        String version1 = admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC));
        String version2 = version1.substring(0, version1.length() - 1)
                + ",\"seat\":{\"row\":\"F\",\"number\":12},\"doorDeviceModel\":\"kiosk-2\"}";
        KafkaTopics.onTestBroker().publish(ADMISSIONS, String.valueOf(pass), UUID.randomUUID().toString(),
                "lu.kulturpass.admission.recorded", version2, java.time.Instant.now().toString(), 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("admissions") >= 1);
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).body("admissions", equalTo(1)).body("ticketValue", equalTo(1.5f));
    }

    @Test
    void redeliveredAdmissionEventCountsOnce() {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        long pass = PASS_IDS.incrementAndGet();
        String eventId = UUID.randomUUID().toString();
        String data = admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC));
        kafka.publish(ADMISSIONS, String.valueOf(pass), eventId, "lu.kulturpass.admission.recorded", data);
        kafka.publish(ADMISSIONS, String.valueOf(pass), eventId, "lu.kulturpass.admission.recorded", data);
        // a later, distinct admission of the same pass (same key, so same partition, read after the duplicate)
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded",
                admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("admissions") >= 2);
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).body("admissions", equalTo(2)).body("venues[0].admissions", equalTo(2));
    }

    @Test
    void theSameAdmissionSentAgainUnderANewEventIdCountsOnce() {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        long pass = PASS_IDS.incrementAndGet();
        String data = admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC));
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded", data);
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded", data);
        kafka.publish(ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.refused", refused(venueId, pass, "EXPIRED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("refusals") == 1);
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).body("admissions", equalTo(1)).body("tickets", equalTo(1)).body("ticketValue", equalTo(1.5f));
    }

    @Test
    void anUnreadableAdmissionEventGoesToTheDeadLetterTopicAndTheEventsPolledWithItStillCount() {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        long pass = PASS_IDS.incrementAndGet();
        String key = String.valueOf(pass);
        String badEventId = UUID.randomUUID().toString();
        try (var producer = kafka.producer()) {
            // same key, so one partition: the three arrive in order and most likely in one poll
            kafka.send(producer, ADMISSIONS, key, UUID.randomUUID().toString(), "lu.kulturpass.admission.recorded",
                    admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
            kafka.send(producer, ADMISSIONS, key, badEventId, "lu.kulturpass.admission.recorded",
                    "{\"admissionId\":\"" + UUID.randomUUID() + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + pass + "}");
            kafka.send(producer, ADMISSIONS, key, UUID.randomUUID().toString(), "lu.kulturpass.admission.recorded",
                    admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("admissions") >= 2);
        var deadLetters = kafka.readUntil("kulturpass.dead-letters.pass-service.admissions",
                record -> KafkaTopics.header(record, "ce_id").map(badEventId::equals).orElse(false), Duration.ofSeconds(30));
        assertEquals(badEventId, KafkaTopics.header(deadLetters.get(deadLetters.size() - 1), "ce_id").orElseThrow());
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).body("admissions", equalTo(2));
    }

    @Test
    void figuresShowRefusalsByReasonTicketsByPriceTheirValueAndDistinctHolders() {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        long maria = PASS_IDS.incrementAndGet();
        long group = PASS_IDS.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        kafka.publish(ADMISSIONS, String.valueOf(maria), "lu.kulturpass.admission.recorded", admitted(venueId, maria, "1.50", 1, now.minusDays(1)));
        kafka.publish(ADMISSIONS, String.valueOf(maria), "lu.kulturpass.admission.recorded", admitted(venueId, maria, "1.50", 1, now));
        kafka.publish(ADMISSIONS, String.valueOf(group), "lu.kulturpass.admission.recorded", admitted(venueId, group, "18.00", 12, now));
        kafka.publish(ADMISSIONS, String.valueOf(maria), "lu.kulturpass.admission.refused", refused(venueId, maria, "ALREADY_ADMITTED_TODAY"));
        kafka.publish(ADMISSIONS, venueId, "lu.kulturpass.admission.refused", refused(venueId, 0, "FORGED"));
        kafka.publish(ADMISSIONS, venueId, "lu.kulturpass.admission.refused", refused(venueId, 0, "FORGED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId).getInt("refusals") >= 3
                && figures(partnerId).getInt("admissions") >= 3);
        JsonPath figures = figures(partnerId);
        assertEquals(3, figures.getInt("admissions"));
        assertEquals(14, figures.getInt("tickets"));
        assertEquals(21.00f, figures.getFloat("ticketValue"));
        assertEquals(2, figures.getInt("distinctHolders"));
        assertEquals(Map.of("FORGED", 2, "ALREADY_ADMITTED_TODAY", 1), figures.getMap("refusalsByReason"));
        assertEquals(List.of(1.50f), figures.getList("ticketsByPrice.price"));
        assertEquals(List.of(14), figures.getList("ticketsByPrice.tickets"));
        // a period that is not a calendar year counts distinct holders from the monthly figures
        JsonPath lastWeek = given().auth().oauth2(programmeStaff).queryParam("from", java.time.LocalDate.now().minusDays(7).toString())
                .queryParam("to", java.time.LocalDate.now().plusDays(1).toString()).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, lastWeek.getInt("distinctHolders"));
        assertEquals(3, lastWeek.getInt("admissions"));
    }

    @Test
    void aPartnersOwnStaffSeeOnlyTheirOwnFigures() {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String ownBoxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre.getString("venues[0].id"));
        given().auth().oauth2(ownBoxOffice).when().get("/statistics/partners/" + partnerId).then().statusCode(200);
        String otherBoxOffice = BearerTokens.token(Roles.BOX_OFFICE, registerTheatre(programmeStaff).getString("venues[0].id"));
        given().auth().oauth2(otherBoxOffice).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ownBoxOffice).when().get("/statistics/programme").then().statusCode(403);
        given().auth().oauth2(ownBoxOffice).when().post("/statistics/rebuild").then().statusCode(403);
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social\"}").when().post("/partners")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownPartnerAndBadPeriodsAreProblems() {
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        String partnerId = registerTheatre(programmeStaff).getString("id");
        given().auth().oauth2(programmeStaff).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .when().get("/statistics/partners/" + partnerId)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(programmeStaff).queryParam("by", "week").when().get("/statistics/partners/" + partnerId)
                .then().statusCode(400).body("detail", equalTo("by: month or day"));
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office\",\"venues\":[{\"name\":\"x\"}]}").when().post("/partners")
                .then().statusCode(400).contentType("application/problem+json").body("detail", equalTo("A social partner has no venues"));
    }
}
