package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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

    @Test
    void approvingAnEnrolmentIssuesOnePassWhoseQrCodeTheAgencyCanDownload() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Élodie", AgencyWorker.surname("Müller"), "1984-03-02").getString("id");
        JsonPath approved = staff.approve(id);
        assertEquals("APPROVED", approved.getString("status"));
        String number = approved.getString("members[0].passNumber");
        org.hamcrest.MatcherAssert.assertThat(number, matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"));
        // approving again changes nothing: the same pass, one decision
        JsonPath again = staff.decide(id, AgencyWorker.approval()).statusCode(200).extract().jsonPath();
        assertEquals(approved.getLong("members[0].passId"), again.getLong("members[0].passId"));
        assertEquals(1, again.getList("decisions").size());

        // the card: pass-service serves the QR code to the same agency worker
        given().auth().oauth2(staff.token).when().get(approved.getString("members[0].qrCode"))
                .then().statusCode(200).contentType("image/png");
        JsonPath pass = given().auth().oauth2(staff.token).when()
                .get(PassServiceProcess.running().url() + "/passes/" + approved.getLong("members[0].passId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(approved.getString("members[0].id"), pass.getString("holderRef"));
        assertEquals(id, pass.getString("householdRef"));
        assertEquals("ADULT", pass.getString("category"));
    }

    @Test
    void approvalIsAnnouncedWithPseudonymousIdsAndCategoriesOnly() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        JsonPath enrolment = staff.enrol(AgencyWorker.household("SINGLE_PARENT",
                AgencyWorker.member("Jean", AgencyWorker.surname("Schmit"), "2015-06-01"), AgencyWorker.member("Anne", AgencyWorker.surname("Schmit"), "1985-01-01")));
        String child = enrolment.getString("members.find { it.firstName == 'Jean' }.id");
        staff.approve(enrolment.getString("id"));
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.enrolments",
                r -> child.equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("approved"), Duration.ofSeconds(20));
        String data = records.get(records.size() - 1).value();
        JsonPath event = new JsonPath(data);
        assertEquals("CHILD", event.getString("category"));
        assertEquals("0-11", event.getString("ageBand"));
        assertEquals("SINGLE_PARENT", event.getString("householdSituation"));
        assertEquals("Esch-sur-Alzette", event.getString("municipality"));
        assertEquals(enrolment.getString("id"), event.getString("enrolmentId"));
        assertFalse(data.contains("Schmit") || data.contains("Jean") || data.contains("2015-06-01") || data.contains("AVC")
                || data.contains("AVC-2026-0042"), data);
    }

    @Test
    void anAgencySeesAndChangesOnlyItsOwnBeneficiaries() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        AgencyWorker other = AgencyWorker.ofNewAgency();
        JsonPath enrolment = staff.enrolOne("Ana", AgencyWorker.surname("Silva"), "1990-01-01");
        String id = enrolment.getString("id");
        String beneficiary = enrolment.getString("members[0].id");
        other.get("/beneficiaries/" + beneficiary).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("This beneficiary is enrolled with another agency"));
        other.get("/enrolments/" + id).statusCode(403).contentType("application/problem+json");
        other.decide(id, AgencyWorker.approval()).statusCode(403);
        other.post("/beneficiaries/" + beneficiary + "/lost-card", "{\"reason\":\"LOST\"}").statusCode(403);
        other.post("/enrolments/" + id + "/renewal", AgencyWorker.approval().replace("\"outcome\":\"APPROVED\",", ""))
                .statusCode(403);
        other.get("/beneficiaries").statusCode(200).body("$", hasSize(0));
        other.get("/enrolments").statusCode(200).body("$", hasSize(0));
        staff.get("/beneficiaries").statusCode(200).body("$", hasSize(1));
        staff.get("/beneficiaries/" + beneficiary).statusCode(200).body("firstName", equalTo("Ana")).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void onlyAgencyStaffEnrol() {
        String body = AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("A", AgencyWorker.surname("B"), "1990-01-01"));
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, staff.agencyId)).contentType(ContentType.JSON).body(body)
                .when().post("/enrolments").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).contentType(ContentType.JSON).body(body)
                .when().post("/enrolments").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/enrolments").then().statusCode(401).contentType("application/problem+json");
        String id = staff.enrolOne("Eva", AgencyWorker.surname("Klein"), "1999-09-09").getString("id");
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, staff.agencyId)).contentType(ContentType.JSON)
                .body(AgencyWorker.approval()).when().post("/enrolments/" + id + "/decision").then().statusCode(403);
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, null)).contentType(ContentType.JSON).body(body)
                .when().post("/enrolments").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemAPersonCanRead() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        staff.post("/enrolments", "{\"members\":[{\"firstName\":\"A\",\"lastName\":\"B\"}]}")
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("Give each member's birth date."));
        staff.post("/enrolments", AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("A", AgencyWorker.surname("B"), "02/03/1984")))
                .statusCode(400).contentType("application/problem+json");
        staff.post("/enrolments", AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("A", AgencyWorker.surname("B"), "2100-01-01")))
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("A birth date must be in the past."));
        staff.post("/enrolments", AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("A", AgencyWorker.surname("B"), "2999-01-01")))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'members[0].birthDate' must be a date between 1900-01-01 and 2199-12-31"));
        staff.post("/enrolments", "{\"members\":[]}").statusCode(400).body("detail", containsString("List at least one household member."));
        staff.post("/enrolments", AgencyWorker.household("NOT_A_SITUATION", AgencyWorker.member("A", AgencyWorker.surname("B"), "1984-01-01")))
                .statusCode(400).contentType("application/problem+json");
        staff.get("/beneficiaries/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        staff.get("/beneficiaries/not-a-uuid").statusCode(404).contentType("application/problem+json");
        staff.get("/enrolments/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void approvalWhilePassServiceIsDownChangesNothingAndCanBeRetried() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Luc", AgencyWorker.surname("Weber"), "1970-05-05").getString("id");
        PassServiceProcess.running().stop();
        try {
            staff.decide(id, AgencyWorker.approval()).statusCode(503).contentType("application/problem+json");
            staff.get("/enrolments/" + id).body("status", equalTo("SUBMITTED")).body("decisions", hasSize(0));
        } finally {
            PassServiceProcess.running().start();
        }
        staff.approve(id);
        staff.get("/enrolments/" + id).body("status", equalTo("APPROVED")).body("decisions", hasSize(1));
    }
}
