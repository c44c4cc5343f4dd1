package lu.kulturpass.eligibility.criterion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CriterionTest {

    private final String programme = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    private static String criterion(String code) {
        return "{\"code\":\"" + code + "\",\"nameFr\":\"Aide communale\",\"nameDe\":\"Gemeindehilfe\",\"nameEn\":\"Municipal aid\",\"nameLb\":\"Gemengenhëllef\","
                + "\"evidence\":\"Municipal social office certificate\",\"proofValidMonths\":6}";
    }

    @Test
    void theKulturpassCriteriaAreSeededWithTheirEvidenceAndProofPeriod() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        staff.get("/criteria").statusCode(200)
                .body("code", hasItems("AVC_ENERGY_BONUS", "DPI", "BPT", "CEPAS", "UNI_HARDSHIP", "SNJ_VOLUNTEER", "RPGH",
                        "SOCIAL_PARTNER_ASSESSMENT"))
                .body("find { it.code == 'DPI' }.proofValidMonths", equalTo(6))
                .body("find { it.code == 'AVC_ENERGY_BONUS' }.nameDe", equalTo("Teuerungszulage und/oder Energieprämie (FNS)"));
    }

    @Test
    void programmeStaffAddACriterionThatAgenciesCanDecideOnAtOnce() {
        String code = "MUNICIPAL_AID_" + System.nanoTime() % 100000;
        given().auth().oauth2(programme).contentType(ContentType.JSON).body(criterion(code))
                .when().post("/criteria").then().statusCode(201).body("proofValidMonths", equalTo(6));
        given().auth().oauth2(programme).contentType(ContentType.JSON).body(criterion(code))
                .when().post("/criteria").then().statusCode(409).contentType("application/problem+json");
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Noah", AgencyWorker.surname("Meyer"), "1991-02-02").getString("id");
        // a proof older than the criterion's 6 months no longer counts
        staff.decide(id, AgencyWorker.approval(code, LocalDate.now().minusMonths(7))).statusCode(400)
                .body("detail", containsString("no longer counts for Municipal aid"));
        staff.decide(id, AgencyWorker.approval(code, LocalDate.now().minusMonths(5))).statusCode(200)
                .body("decisions[0].criterion", equalTo(code));
    }

    @Test
    void aRetiredCriterionIsRefusedForNewDecisionsAndKeptOnPastOnes() {
        String code = "TEMPORARY_" + System.nanoTime() % 100000;
        given().auth().oauth2(programme).contentType(ContentType.JSON).body(criterion(code)).when().post("/criteria").then().statusCode(201);
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String decided = staff.enrolOne("Mia", AgencyWorker.surname("Weiss"), "1992-03-03").getString("id");
        staff.decide(decided, AgencyWorker.approval(code, LocalDate.now())).statusCode(200);
        given().auth().oauth2(programme).when().post("/criteria/" + code + "/retirement").then().statusCode(200)
                .body("retiredAt", not(equalTo(null)));

        staff.get("/criteria").body("code", not(hasItem(code)));
        given().auth().oauth2(programme).when().get("/criteria?retired=true").then().body("code", hasItem(code));
        String next = staff.enrolOne("Tom", AgencyWorker.surname("Weiss"), "1993-04-04").getString("id");
        staff.decide(next, AgencyWorker.approval(code, LocalDate.now())).statusCode(400)
                .body("detail", containsString("was retired"));
        staff.get("/enrolments/" + decided).body("decisions[0].criterion", equalTo(code));
    }

    @Test
    void onlyProgrammeStaffChangeCriteriaAndBadOnesAreExplained() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        staff.post("/criteria", criterion("AGENCY_MADE")).statusCode(403);
        staff.post("/criteria/DPI/retirement", "").statusCode(403);
        given().auth().oauth2(programme).contentType(ContentType.JSON)
                .body("{\"code\":\"bad code\",\"nameFr\":\"x\",\"nameDe\":\"x\",\"nameEn\":\"x\",\"nameLb\":\"x\",\"evidence\":\"x\",\"proofValidMonths\":0}")
                .when().post("/criteria").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(programme).when().post("/criteria/NO_SUCH/retirement").then().statusCode(404);
    }
}
