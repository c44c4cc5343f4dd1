package lu.kulturpass.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerStatisticsTest {

    private static final String TOPIC = "kulturpass.admissions";
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    private JsonPath registerTheatre() {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Grande salle\"}]}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    private static String admission(String venueId, long passId) {
        return "{\"admissionId\":\"" + UUID.randomUUID() + "\",\"venueId\":\"" + venueId + "\",\"passId\":" + passId
                + ",\"scannedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
    }

    private int admissions(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).extract().path("admissions");
    }

    @Test
    void redeliveredAdmissionEventCountsOnce() {
        JsonPath theatre = registerTheatre();
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        String eventId = UUID.randomUUID().toString();
        String data = admission(venueId, 77L);
        kafka.publish(TOPIC, "77", eventId, "lu.kulturpass.admission.recorded", data);
        kafka.publish(TOPIC, "77", eventId, "lu.kulturpass.admission.recorded", data);
        // a later, distinct admission of the same pass (same key, so same partition, read after the duplicate)
        kafka.publish(TOPIC, "77", "lu.kulturpass.admission.recorded", admission(venueId, 77L));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admissions(partnerId) >= 2);
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).body("admissions", equalTo(2)).body("venues[0].admissions", equalTo(2));
    }

    @Test
    void refusalsAreCountedApartFromAdmissions() {
        JsonPath theatre = registerTheatre();
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics.onTestBroker().publish(TOPIC, "78", "lu.kulturpass.admission.refused", admission(venueId, 78L));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(programmeStaff)
                .when().get("/statistics/partners/" + theatre.getString("id")).then().extract().<Integer>path("refusals") == 1);
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + theatre.getString("id"))
                .then().body("admissions", equalTo(0));
    }

    @Test
    void onlyProgrammeStaffReadPartnerStatistics() {
        String partnerId = registerTheatre().getString("id");
        String venueId = given().auth().oauth2(programmeStaff).when().get("/partners/" + partnerId).then().extract().path("venues[0].id");
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, venueId)).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social\"}").when().post("/partners")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownPartnerAndBadDatesAreProblems() {
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        String partnerId = registerTheatre().getString("id");
        given().auth().oauth2(programmeStaff).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .when().get("/statistics/partners/" + partnerId)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office\",\"venues\":[{\"name\":\"x\"}]}").when().post("/partners")
                .then().statusCode(400).contentType("application/problem+json").body("detail", equalTo("A social partner has no venues"));
    }
}
