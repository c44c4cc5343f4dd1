package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.testing.AccessMatrix.Role.AGENCY_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.PROGRAMME_STAFF;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HostileInput;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Every operation of eligibility-service's OpenAPI document, sent hostile values (HostileInput) by a worker of an agency
 * with an agreement in force, or programme staff, as the operation's security names: no answer is a server error, every
 * refusal is a problem+json with a sentence, and a refused request writes nothing, neither here nor in pass-service. The
 * resources named are this test's own (its agency's households, its criterion): the plausible requests are carried out.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        AccessMatrix.callTheServiceUnderTest();
        String programme = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
        AgencyWorker agency = AgencyWorker.ofNewAgency();
        JsonPath approved = agency.enrolOne("Ana", AgencyWorker.surname("Hostile"), "1990-01-01");
        String approvedId = approved.getString("id");
        String beneficiary = approved.getString("members[0].id");
        agency.approve(approvedId);
        String submitted = agency.enrolOne("Jean", AgencyWorker.surname("Hostile"), "1985-05-05").getString("id");
        String draft = agency.post("/enrolments", "{\"draft\":true,\"householdSituation\":\"SINGLE_ADULT\",\"members\":["
                + AgencyWorker.member("Lea", AgencyWorker.surname("Hostile"), "1995-09-09") + "]}").statusCode(201).extract().path("id");
        String erased = agency.enrolOne("Eve", AgencyWorker.surname("Hostile"), "1980-02-02").getString("members[0].id");
        String criterion = "HOSTILE_" + System.nanoTime() % 100000;
        given().auth().oauth2(programme).contentType(ContentType.JSON).body(criterion(criterion)).when().post("/criteria")
                .then().statusCode(201);
        String evidence = "{\"kind\":\"FNS decision\",\"issuer\":\"Fonds national de solidarité\",\"number\":\"AVC-2026-0042\",\"date\":\""
                + LocalDate.now().minusMonths(1) + "\"}";
        HostileInput.forService("eligibility-service")
                .databaseOfTheService("kulturpass_eligibility")
                .database("kulturpass_pass", PassServiceProcess.running().config().get("quarkus.datasource.jdbc.url"))
                // pass-service's statistics are fed by the events of an accepted request; the partners here by pass-service's
                .changesByItself("kulturpass_eligibility.processed_event", "kulturpass_eligibility.agency*")
                .changesByItself(PassServiceProcess.tablesFedByEvents("kulturpass_pass"))
                .platformOperations(AGENCY_STAFF, agency.agencyId, "partners")
                .token(PROGRAMME_STAFF, programme)
                .token(AGENCY_STAFF, agency.token)
                .caller("GET /criteria", AGENCY_STAFF)
                .json("POST /criteria", criterion("HOSTILE_NEW_" + System.nanoTime() % 100000))
                .path("POST /criteria/{code}/retirement", "code", criterion)
                .json("POST /enrolments", AgencyWorker.household("SINGLE_ADULT",
                        AgencyWorker.member("Paul", AgencyWorker.surname("Hostile"), "1970-01-01")))
                .path("GET /enrolments/{id}", "id", approvedId)
                .path("POST /enrolments/{id}/submission", "id", draft)
                .path("POST /enrolments/{id}/decision", "id", submitted)
                .json("POST /enrolments/{id}/decision", AgencyWorker.approval())
                .path("POST /enrolments/{id}/renewal", "id", approvedId)
                .json("POST /enrolments/{id}/renewal", "{\"criterion\":\"AVC_ENERGY_BONUS\",\"evidence\":" + evidence + "}")
                .path("POST /enrolments/{id}/cards.pdf", "id", approvedId)
                .json("POST /enrolments/{id}/cards.pdf", "{\"language\":\"fr\"}")
                .json("POST /cards/sheet.pdf", "{\"language\":\"fr\",\"enrolmentIds\":[\"" + approvedId + "\"]}")
                .path("GET /beneficiaries/{id}", "id", beneficiary)
                .path("POST /beneficiaries/{id}/lost-card", "id", beneficiary)
                .json("POST /beneficiaries/{id}/lost-card", "{\"reason\":\"LOST\"}")
                .path("POST /beneficiaries/{id}/card.pdf", "id", beneficiary)
                .json("POST /beneficiaries/{id}/card.pdf", "{\"language\":\"fr\"}")
                .path("GET /privacy/beneficiaries/{id}/views", "id", beneficiary)
                .path("GET /privacy/beneficiaries/{id}/personal-data", "id", beneficiary)
                .path("POST /privacy/beneficiaries/{id}/erasure", "id", erased)
                .query("POST /imports", "approve", false)
                .run()
                .assertNoFailures();
    }

    private static String criterion(String code) {
        return "{\"code\":\"" + code + "\",\"nameFr\":\"Aide hostile\",\"nameDe\":\"Feindliche Hilfe\",\"nameEn\":\"Hostile aid\",\"nameLb\":\"Feindlech Hëllef\","
                + "\"evidence\":\"Certificate\",\"proofValidMonths\":6}";
    }
}
