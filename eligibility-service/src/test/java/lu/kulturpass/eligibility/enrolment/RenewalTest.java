package lu.kulturpass.eligibility.enrolment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RenewalTest {

    @Inject
    Renewals renewals;

    private static void endsOn(String id, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> {
            Enrolment enrolment = Enrolment.findById(UUID.fromString(id));
            enrolment.validUntil = day;
        });
    }

    private static String renewal(String criterion, LocalDate evidenceDate) {
        return "{\"criterion\":\"" + criterion + "\",\"evidence\":{\"kind\":\"FNS decision\",\"issuer\":\"FNS\",\"number\":\"R-7\","
                + "\"date\":\"" + evidenceDate + "\"}}";
    }

    @Test
    void anEnrolmentEndingWithinTheNoticeIsDueForRenewalAndRenewalChecksTheEvidenceAgain() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Rita", AgencyWorker.surname("Lopes"), "1966-06-16").getString("id");
        long passId = staff.approve(id).getLong("members[0].passId");
        staff.get("/enrolments/due-for-renewal").body("id", not(hasItem(id)));
        endsOn(id, LocalDate.now().plusDays(30));
        staff.get("/enrolments/due-for-renewal").body("id", hasItem(id));
        staff.get("/enrolments/" + id).body("dueForRenewal", equalTo(true));

        // the proof the first decision saw is too old for a renewal now
        staff.post("/enrolments/" + id + "/renewal", renewal("DPI", LocalDate.now().minusMonths(8))).statusCode(400)
                .body("detail", containsString("no longer counts for Applicant for international protection (DPI)"));
        staff.post("/enrolments/" + id + "/renewal", renewal("DPI", LocalDate.now().minusDays(2))).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("validUntil", equalTo(LocalDate.now().plusYears(2).minusDays(1).toString()))
                .body("dueForRenewal", equalTo(false))
                .body("decisions[1].renewal", equalTo(true))
                .body("decisions[1].criterion", equalTo("DPI"));
        staff.get(PassServiceProcess.running().url() + "/passes/" + passId)
                .body("validUntil", equalTo(LocalDate.now().plusYears(2).minusDays(1).toString()));
        staff.get("/enrolments/due-for-renewal").body("id", not(hasItem(id)));
    }

    @Test
    void anEnrolmentPastItsEndExpiresFreesThePersonAndCanStillBeRenewed() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String klein = AgencyWorker.surname("Klein");
        String id = staff.enrolOne("Hugo", klein, "1950-05-05").getString("id");
        String member = staff.approve(id).getString("members[0].id");
        endsOn(id, LocalDate.now().minusDays(1));
        renewals.expire(LocalDate.now());
        staff.get("/enrolments/" + id).body("status", equalTo("EXPIRED")).body("allowedMoves", equalTo(java.util.List.of("RENEW")));
        staff.get("/enrolments/due-for-renewal").body("id", hasItem(id));
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.enrolments",
                r -> member.equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("expired"), Duration.ofSeconds(20));
        assertEquals(id, new io.restassured.path.json.JsonPath(records.get(records.size() - 1).value()).getString("enrolmentId"));

        // expired: another agency may now enrol the same person without a review
        AgencyWorker other = AgencyWorker.ofNewAgency();
        assertEquals("SUBMITTED", other.enrolOne("Hugo", klein, "1950-05-05").getString("status"));

        staff.post("/enrolments/" + id + "/renewal", renewal("RPGH", LocalDate.now())).statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aRenewalNeedsEvidence() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Ben", AgencyWorker.surname("Frank"), "1977-07-07").getString("id");
        staff.approve(id);
        staff.post("/enrolments/" + id + "/renewal", "{\"criterion\":\"DPI\"}").statusCode(400)
                .body("detail", containsString("evidence"));
    }
}
