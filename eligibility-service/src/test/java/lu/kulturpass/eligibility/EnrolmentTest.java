package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrolmentTest {

    private final String agency = "agency-" + UUID.randomUUID();
    private final String staff = BearerTokens.token(Roles.AGENCY_STAFF, agency);

    private JsonPath enrol(String bearer, String firstName, String lastName, String birthDate) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"birthDate\":\"" + birthDate + "\"}")
                .when().post("/beneficiaries").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath approve(String bearer, String id, int status) {
        return given().auth().oauth2(bearer).when().post("/beneficiaries/" + id + "/approval")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void approvingAnEnrolmentIssuesOnePassWhoseQrCodeTheAgencyCanDownload() {
        String id = enrol(staff, "Élodie", "Müller", "1984-03-02").getString("id");
        JsonPath approved = approve(staff, id, 200);
        assertEquals("APPROVED", approved.getString("status"));
        String number = approved.getString("passNumber");
        org.hamcrest.MatcherAssert.assertThat(number, matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"));
        JsonPath again = approve(staff, id, 200);
        assertEquals(approved.getLong("passId"), again.getLong("passId"));

        // the card: pass-service serves the QR code to the same agency worker
        given().auth().oauth2(staff).when().get(approved.getString("qrCode"))
                .then().statusCode(200).contentType("image/png");
        JsonPath pass = given().auth().oauth2(staff).when().get(PassServiceProcess.running().url() + "/passes/" + approved.getLong("passId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(id, pass.getString("holderRef"));
        assertEquals("ADULT", pass.getString("category"));
    }

    @Test
    void approvalIsAnnouncedWithPseudonymousIdsAndCategoriesOnly() {
        String id = enrol(staff, "Jean", "Schmit", "2015-06-01").getString("id");
        approve(staff, id, 200);
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.enrolments",
                r -> id.equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("approved"), Duration.ofSeconds(20));
        String data = records.get(records.size() - 1).value();
        JsonPath event = new JsonPath(data);
        assertEquals("CHILD", event.getString("category"));
        assertEquals("0-11", event.getString("ageBand"));
        assertFalse(data.contains("Schmit") || data.contains("Jean") || data.contains("2015-06-01"), data);
    }

    @Test
    void anAgencySeesAndApprovesOnlyItsOwnBeneficiaries() {
        String id = enrol(staff, "Ana", "Silva", "1990-01-01").getString("id");
        String otherAgency = BearerTokens.token(Roles.AGENCY_STAFF, "agency-" + UUID.randomUUID());
        given().auth().oauth2(otherAgency).when().get("/beneficiaries/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("This beneficiary is enrolled with another agency"));
        approve(otherAgency, id, 403);
        given().auth().oauth2(otherAgency).when().get("/beneficiaries").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(staff).when().get("/beneficiaries").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void onlyAgencyStaffEnrol() {
        String body = "{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"1990-01-01\"}";
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, "venue-1")).contentType(ContentType.JSON).body(body)
                .when().post("/beneficiaries").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).contentType(ContentType.JSON).body(body)
                .when().post("/beneficiaries").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/beneficiaries").then().statusCode(401).contentType("application/problem+json");
        String id = enrol(staff, "Eva", "Klein", "1999-09-09").getString("id");
        approve(BearerTokens.token(Roles.BOX_OFFICE, agency), id, 403);
        approve(BearerTokens.token(Roles.PROGRAMME_STAFF, null), id, 403);
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, null)).contentType(ContentType.JSON).body(body)
                .when().post("/beneficiaries").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemAPersonCanRead() {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"firstName\":\"A\",\"lastName\":\"B\"}")
                .when().post("/beneficiaries").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("birthDate: must not be null"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"02/03/1984\"}")
                .when().post("/beneficiaries").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"2999-01-01\"}")
                .when().post("/beneficiaries").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("birthDate: must be a past date"));
        given().auth().oauth2(staff).when().get("/beneficiaries/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(staff).when().get("/beneficiaries/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void approvalWhilePassServiceIsDownChangesNothingAndCanBeRetried() {
        String id = enrol(staff, "Luc", "Weber", "1970-05-05").getString("id");
        PassServiceProcess.running().stop();
        try {
            given().auth().oauth2(staff).when().post("/beneficiaries/" + id + "/approval")
                    .then().statusCode(503).contentType("application/problem+json");
            given().auth().oauth2(staff).when().get("/beneficiaries/" + id).then().body("status", equalTo("SUBMITTED"));
        } finally {
            PassServiceProcess.running().start();
        }
        approve(staff, id, 200);
    }
}
