package lu.kulturpass.eligibility.agency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyAgreementTest {

    private static final String ONE = AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("Ana", AgencyWorker.surname("Silva"), "1990-01-01"));

    @Test
    void anAgencyUnknownToThePartnerTopicCannotEnrol() {
        AgencyWorker staff = new AgencyWorker(UUID.randomUUID().toString());
        staff.get("/agencies/mine").statusCode(200).body("acting", equalTo(false));
        staff.post("/enrolments", ONE).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("no agreement in force"));
    }

    @Test
    void aSuspendedAgreementStopsEnrolmentAndDecisionsButTheListStaysReadable() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrol(ONE).getString("id");
        Agencies.announce(staff.agencyId, "SUSPENDED", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1));
        Agencies.awaitActing(staff.agencyId, false);
        staff.post("/enrolments", ONE).statusCode(403);
        staff.decide(id, AgencyWorker.approval()).statusCode(403).body("detail", containsString("no agreement in force"));
        staff.get("/enrolments").statusCode(200).body("$", hasSize(1));
        staff.get("/enrolments/" + id).statusCode(200).body("status", equalTo("SUBMITTED"));

        // the agreement resumes: the agency acts again
        Agencies.announce(staff.agencyId, "ACTIVE", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1));
        Agencies.awaitActing(staff.agencyId, true);
        staff.approve(id);
    }

    @Test
    void anActiveAgreementOutsideItsDatesIsNotInForce() {
        AgencyWorker staff = new AgencyWorker(UUID.randomUUID().toString());
        Agencies.announce(staff.agencyId, "ACTIVE", LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                staff.get("/agencies/mine").extract().path("name") != null);
        staff.get("/agencies/mine").body("acting", equalTo(false));
        staff.post("/enrolments", ONE).statusCode(403);
    }
}
