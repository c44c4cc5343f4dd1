package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.core.statistics.PartnerStatisticsTest;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;

/**
 * Real data for the audit page's tests, made the way production makes it: partners and agreements
 * through the API, admissions, refusals and enrolments as events on the test broker.
 */
final class AuditData {

    private static final String ADMISSIONS = "kulturpass.admissions";
    private final String programmeStaff;
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();
    private final LocalDate today = LocalDate.now();

    /** Today where the statistics and the audit count days, not the machine's UTC date (a day behind from midnight in Luxembourg). */
    static LocalDate programmeToday() {
        return LocalDate.now(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kulturpass.time-zone", java.time.ZoneId.class));
    }

    AuditData(String programmeStaff) {
        this.programmeStaff = programmeStaff;
    }

    /** A cultural partner with one venue; its name is unique (the prefix and a random part). */
    JsonPath theatre(String prefix) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body(Map.of("kind", "CULTURAL", "name", prefix + " " + UUID.randomUUID().toString().substring(0, 8),
                        "venues", List.of(Map.of("name", "Grande salle"))))
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    String agency(String prefix) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body(Map.of("kind", "SOCIAL", "name", prefix + " " + UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/partners").then().statusCode(201).extract().path("id");
    }

    String name(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/partners/" + partnerId).then().statusCode(200).extract().path("name");
    }

    /** A drafted agreement, signed or not (an unsigned one cannot be activated). */
    String draftAgreement(String partnerId, boolean signed) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"benefit\":\"REDUCED_PRICE\",\"price\":1.50,\"acceptedCategories\":[\"ADULT\",\"CHILD\"],\"validFrom\":\""
                        + today.minusMonths(1) + "\",\"validUntil\":\"" + today.plusYears(1) + "\""
                        + (signed ? ",\"signedOn\":\"" + today.minusMonths(1) + "\"" : "") + "}")
                .when().post("/partners/" + partnerId + "/agreements").then().statusCode(201).extract().path("id");
    }

    String activeAgreement(String partnerId) {
        String id = draftAgreement(partnerId, true);
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"transition\":\"ACTIVATE\"}")
                .when().post("/agreements/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    /** Admissions of distinct passes at a venue; returns the event ids. */
    List<String> admit(String venueId, int count, OffsetDateTime at) {
        return admit(venueId, count, at, "0.00");
    }

    List<String> admit(String venueId, int count, OffsetDateTime at, String price) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            long passId = 100_000 + (long) (Math.random() * 1_000_000_000L);
            return kafka.publish(ADMISSIONS, String.valueOf(passId), "lu.kulturpass.admission.recorded",
                    PartnerStatisticsTest.admitted(venueId, passId, price, 1, at));
        }).toList();
    }

    void refuse(String venueId, String reason) {
        kafka.publish(ADMISSIONS, venueId, "lu.kulturpass.admission.refused", PartnerStatisticsTest.refused(venueId, 0, reason));
    }

    void enrol(String agencyId, int people) {
        enrol(agencyId, people, "Esch-sur-Alzette");
    }

    /** People enrolled and approved by an agency, living in a municipality. */
    void enrol(String agencyId, int people, String municipality) {
        for (int i = 0; i < people; i++) {
            String beneficiary = UUID.randomUUID().toString();
            String data = "{\"beneficiaryId\":\"" + beneficiary + "\",\"agencyId\":\"" + agencyId + "\",\"ageBand\":\"26-64\""
                    + ",\"municipality\":\"" + municipality + "\",\"householdSituation\":\"SINGLE_PARENT\",\"category\":\"ADULT\"}";
            kafka.publish("kulturpass.enrolments", beneficiary, "lu.kulturpass.enrolment.submitted", data);
            kafka.publish("kulturpass.enrolments", beneficiary, "lu.kulturpass.enrolment.approved", data);
        }
    }

    /** A cultural partner with an agreement in force and this many admissions today, counted by the statistics. */
    JsonPath theatreInUse(String prefix, int admissions) {
        JsonPath theatre = theatre(prefix);
        activeAgreement(theatre.getString("id"));
        admit(theatre.getString("venues[0].id"), admissions, OffsetDateTime.now(java.time.ZoneOffset.UTC));
        awaitLine(theatre.getString("id"), "admissions", admissions);
        return theatre;
    }

    /** Waits until the statistics count this figure (admissions, refusals, peopleEnrolled …) for the partner. */
    void awaitLine(String partnerId, String figure, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(expected).equals(partnerLine(partnerId).get(figure)));
    }

    /** The partner's line in GET /statistics/partners (this year). */
    Map<String, Object> partnerLine(String partnerId) {
        List<Map<String, Object>> lines = given().auth().oauth2(programmeStaff).when().get("/statistics/partners")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return lines.stream().filter(p -> partnerId.equals(p.get("partnerId"))).findFirst().orElseThrow();
    }
}
