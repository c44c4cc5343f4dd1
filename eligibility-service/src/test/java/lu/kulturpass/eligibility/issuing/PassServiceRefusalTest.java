package lu.kulturpass.eligibility.issuing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.eligibility.agency.AgencyAgreement;
import org.junit.jupiter.api.Test;

/**
 * pass-service checks the agency's agreement itself. When it refuses what this service let through (its copy
 * of the agreement lags behind, until the partner event arrives), the agency worker reads pass-service's own
 * sentence in a 403, not a "try again" error, and nothing changes here.
 */
@QuarkusTest
class PassServiceRefusalTest {

    /** pass-service's sentence (its IssuingAgency) for an agency whose agreement is not in force. */
    private static final String NO_AGREEMENT = "Your account's organisation has no agreement in force with the programme, "
            + "so it cannot issue passes at the moment";

    @Test
    void anAgencyWhoseAgreementPassServiceSuspendedHearsWhyWhenItApprovesOrReplacesACard() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        JsonPath approved = staff.approve(staff.enrolOne("Marc", AgencyWorker.surname("Hoffmann"), "1975-04-04").getString("id"));
        String member = approved.getString("members[0].id");
        String waiting = staff.enrolOne("Lisa", AgencyWorker.surname("Kremer"), "1988-08-08").getString("id");

        Agencies.moveAgreement(staff.agencyId, "SUSPEND");
        Agencies.awaitActing(staff.agencyId, false);
        lagBehindPassService(staff.agencyId);

        staff.decide(waiting, AgencyWorker.approval()).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo(NO_AGREEMENT));
        staff.get("/enrolments/" + waiting).body("status", equalTo("SUBMITTED")).body("decisions", hasSize(0));

        staff.post("/beneficiaries/" + member + "/lost-card", "{\"reason\":\"LOST\"}").statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(NO_AGREEMENT));
        JsonPath kept = staff.get("/beneficiaries/" + member).statusCode(200).extract().jsonPath();
        assertEquals(approved.getLong("members[0].passId"), kept.getLong("passId"));
        assertEquals(approved.getString("members[0].passNumber"), kept.getString("passNumber"));
    }

    /** This service's copy says the agreement is still in force, as it does until the suspension's event arrives. */
    private static void lagBehindPassService(String agencyId) {
        QuarkusTransaction.requiringNew().run(() -> AgencyAgreement.update("status = 'ACTIVE' where agencyId = ?1", agencyId));
        Agencies.awaitActing(agencyId, true);
    }
}
