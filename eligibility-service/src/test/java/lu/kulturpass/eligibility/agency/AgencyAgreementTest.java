package lu.kulturpass.eligibility.agency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyAgreementTest {

    private static final String ONE = AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("Ana", AgencyWorker.surname("Silva"), "1990-01-01"));

    @Test
    void anAgencyWithoutAnAgreementReadsItsListButCannotEnrol() {
        AgencyWorker staff = new AgencyWorker(Agencies.withoutAgreement());
        staff.get("/agencies/mine").statusCode(200).body("acting", equalTo(false));
        staff.get("/enrolments").statusCode(200).body("$", hasSize(0));
        staff.post("/enrolments", ONE).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("no agreement in force"));
    }

    @Test
    void aSuspendedAgreementStopsEnrolmentAndDecisionsButTheListStaysReadable() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrol(ONE).getString("id");
        Agencies.moveAgreement(staff.agencyId, "SUSPEND");
        Agencies.awaitActing(staff.agencyId, false);
        staff.post("/enrolments", ONE).statusCode(403);
        staff.decide(id, AgencyWorker.approval()).statusCode(403).body("detail", containsString("no agreement in force"));
        staff.get("/enrolments").statusCode(200).body("$", hasSize(1));
        staff.get("/enrolments/" + id).statusCode(200).body("status", equalTo("SUBMITTED"));

        // programme staff resume the agreement: the agency acts again (and pass-service issues its passes)
        Agencies.moveAgreement(staff.agencyId, "RESUME");
        Agencies.awaitActing(staff.agencyId, true);
        staff.approve(id);
    }

    @Test
    void anActiveAgreementOutsideItsDatesIsNotInForce() {
        AgencyWorker staff = new AgencyWorker(Agencies.withoutAgreement());
        // signed and activated, but it begins next month
        Agencies.agree(staff.agencyId, "{\"validFrom\":\"" + LocalDate.now().plusMonths(1) + "\",\"validUntil\":\""
                + LocalDate.now().plusYears(1) + "\",\"signedOn\":\"" + LocalDate.now() + "\"}");
        Agencies.awaitEventRead(staff.agencyId, "\"status\":\"ACTIVE\"");
        staff.get("/agencies/mine").body("acting", equalTo(false));
        staff.post("/enrolments", ONE).statusCode(403).body("detail", containsString("no agreement in force"));
    }
}
