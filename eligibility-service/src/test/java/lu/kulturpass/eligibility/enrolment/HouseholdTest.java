package lu.kulturpass.eligibility.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdTest {

    private static String santos() {
        String santos = AgencyWorker.surname("Santos");
        return AgencyWorker.household("COUPLE_WITH_CHILDREN",
                AgencyWorker.member("Maria", santos, "1984-07-14"), AgencyWorker.member("João", santos, "1982-02-02"),
                AgencyWorker.member("Léo", santos, "2014-02-03"));
    }

    @Test
    void oneEnrolmentGivesEachMemberOfTheHouseholdTheirOwnPass() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrol(santos()).getString("id");
        JsonPath approved = staff.approve(id);
        List<Long> passIds = approved.getList("members.passId", Long.class);
        assertEquals(3, passIds.stream().distinct().count());
        assertEquals(List.of("ADULT", "ADULT", "CHILD"), approved.getList("members.category"));
        for (int i = 0; i < 3; i++) {
            JsonPath pass = staff.get(PassServiceProcess.running().url() + "/passes/" + passIds.get(i)).statusCode(200).extract().jsonPath();
            assertEquals(approved.getString("members[" + i + "].id"), pass.getString("holderRef"));
            assertEquals(id, pass.getString("householdRef"));
            assertEquals(approved.getString("members[" + i + "].category"), pass.getString("category"));
        }
        staff.get("/beneficiaries?q=santos").body("size()", equalTo(3));
        staff.get("/beneficiaries?q=LEO").body("size()", equalTo(1)).body("[0].firstName", equalTo("Léo"));
    }

    @Test
    void theHouseholdsCardsArePrintedOnOneSheetFromPassService() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrol(santos()).getString("id");
        staff.post("/enrolments/" + id + "/cards.pdf", "{\"language\":\"de\"}").statusCode(409)
                .body("detail", containsString("approve the enrolment first"));
        staff.approve(id);
        byte[] pdf = given().auth().oauth2(staff.token).contentType(ContentType.JSON).body("{\"language\":\"de\"}")
                .when().post("/enrolments/" + id + "/cards.pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF"));
        String maria = staff.get("/enrolments/" + id).extract().path("members[0].id");
        given().auth().oauth2(staff.token).contentType(ContentType.JSON).body("{}")
                .when().post("/beneficiaries/" + maria + "/card.pdf").then().statusCode(200).contentType("application/pdf");
        AgencyWorker.ofNewAgency().post("/enrolments/" + id + "/cards.pdf", "{}").statusCode(403);
    }

    @Test
    void aLostCardIsReplacedAndTheOldPassNoLongerAdmits() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrol(santos()).getString("id");
        JsonPath approved = staff.approve(id);
        String leo = approved.getString("members[2].id");
        long oldPass = approved.getLong("members[2].passId");
        JsonPath replaced = staff.post("/beneficiaries/" + leo + "/lost-card", "{\"reason\":\"STOLEN\"}").statusCode(200)
                .extract().jsonPath();
        assertNotEquals(oldPass, replaced.getLong("passId"));
        assertNotEquals(approved.getString("members[2].passNumber"), replaced.getString("passNumber"));
        JsonPath old = staff.get(PassServiceProcess.running().url() + "/passes/" + oldPass).extract().jsonPath();
        assertEquals("REPLACED", old.getString("status"));
        assertEquals(replaced.getLong("passId"), old.getLong("replacedByPassId"));
        staff.get(PassServiceProcess.running().url() + "/passes/" + oldPass + "/transitions")
                .body("[0].reason", equalTo("STOLEN"));
        staff.get("/enrolments/" + id).body("members[2].passNumber", equalTo(replaced.getString("passNumber")))
                .body("members[0].passNumber", equalTo(approved.getString("members[0].passNumber")));
        staff.post("/beneficiaries/" + leo + "/lost-card", "{\"reason\":\"FORGOTTEN\"}").statusCode(400);
        AgencyWorker.ofNewAgency().post("/beneficiaries/" + leo + "/lost-card", "{\"reason\":\"LOST\"}").statusCode(403);
    }

    @Test
    void aCardCannotBeReportedLostBeforeThereIsOne() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String member = staff.enrol(santos()).getString("members[0].id");
        staff.post("/beneficiaries/" + member + "/lost-card", "{\"reason\":\"LOST\"}").statusCode(409)
                .body("detail", not(containsString("Exception")));
    }
}
