package lu.kulturpass.eligibility.enrolment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import lu.kulturpass.eligibility.AgencyWorker;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrolmentStateMachineTest {

    private static final String REJECT = "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"INCOME_ABOVE_LIMIT\"]}";
    private static final String REVIEW = "{\"outcome\":\"NEEDS_REVIEW\",\"reasonCodes\":[\"EVIDENCE_UNREADABLE\"]}";

    @Test
    void theMachineAllowsOnlyItsOwnMoves() {
        for (EnrolmentStatus from : EnrolmentStatus.values()) {
            for (EnrolmentStatus to : from.next()) {
                assertFalse(from == to, from + " moves to itself");
            }
        }
        assertEquals(java.util.Set.of(EnrolmentStatus.SUBMITTED), EnrolmentStatus.DRAFT.next());
        assertTrue(EnrolmentStatus.REJECTED.next().isEmpty());
        assertTrue(EnrolmentStatus.EXPIRED.renewable() && EnrolmentStatus.APPROVED.renewable());
        assertFalse(EnrolmentStatus.NEEDS_REVIEW.renewable());
    }

    @Test
    void aDraftIsSubmittedThenDecided() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.post("/enrolments", "{\"draft\":true,\"members\":[" + AgencyWorker.member("Lea", AgencyWorker.surname("Hoffmann"), "1988-08-08") + "]}")
                .statusCode(201).body("status", equalTo("DRAFT")).body("allowedMoves", contains("SUBMITTED")).extract().path("id");
        staff.decide(id, AgencyWorker.approval()).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("An enrolment that is Draft cannot become Approved; allowed from here: Submitted"));
        staff.post("/enrolments/" + id + "/submission", "").statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("allowedMoves", contains("NEEDS_REVIEW", "APPROVED", "REJECTED"));
        staff.approve(id);
    }

    @Test
    void aRejectionRecordsItsReasonsAndIsFinal() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Paul", AgencyWorker.surname("Becker"), "1975-05-05").getString("id");
        staff.decide(id, "{\"outcome\":\"REJECTED\"}").statusCode(400).body("detail", containsString("reasonCodes"));
        staff.decide(id, REJECT).statusCode(200).body("status", equalTo("REJECTED"))
                .body("decisions[0].reasonCodes", contains("INCOME_ABOVE_LIMIT"))
                .body("decisions[0].decidedBy", containsString("user-"))
                .body("members[0].passId", nullValue());
        staff.decide(id, AgencyWorker.approval()).statusCode(409)
                .body("detail", equalTo("An enrolment that is Rejected cannot become Approved; allowed from here: nothing"));
        staff.post("/enrolments/" + id + "/renewal", "{\"criterion\":\"DPI\",\"evidence\":{\"kind\":\"a\",\"issuer\":\"b\",\"date\":\""
                + LocalDate.now() + "\"}}").statusCode(409);
    }

    @Test
    void aReviewThenAnApprovalRecordsCriterionEvidenceAndWhoDecided() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Sara", AgencyWorker.surname("Costa"), "1981-01-01").getString("id");
        staff.decide(id, REVIEW).statusCode(200).body("status", equalTo("NEEDS_REVIEW"));
        staff.decide(id, AgencyWorker.approval("CEPAS", LocalDate.now().minusDays(3))).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("validFrom", equalTo(LocalDate.now().toString()))
                .body("validUntil", equalTo(LocalDate.now().plusYears(2).minusDays(1).toString()))
                .body("decisions", hasSize(2))
                .body("decisions[1].criterion", equalTo("CEPAS"))
                .body("decisions[1].evidence.kind", equalTo("FNS decision"))
                .body("decisions[1].evidence.issuer", equalTo("Fonds national de solidarité"))
                .body("decisions[1].evidence.number", equalTo("AVC-2026-0042"))
                .body("decisions[1].evidence.date", equalTo(LocalDate.now().minusDays(3).toString()))
                .body("decisions[1].reasonCodes", contains("CRITERION_MET"))
                .body("allowedMoves", contains("RENEW"));
    }

    @Test
    void anApprovalNeedsACriterionAndEvidence() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Ivo", AgencyWorker.surname("Novak"), "1960-06-06").getString("id");
        staff.decide(id, "{\"outcome\":\"APPROVED\"}").statusCode(400).body("detail", containsString("criterion"));
        staff.decide(id, "{\"outcome\":\"APPROVED\",\"criterion\":\"DPI\"}").statusCode(400).body("detail", containsString("evidence"));
        staff.decide(id, "{\"outcome\":\"APPROVED\",\"criterion\":\"NOPE\",\"evidence\":{\"kind\":\"a\",\"issuer\":\"b\",\"date\":\"2026-01-01\"}}")
                .statusCode(400).body("detail", containsString("no criterion NOPE"));
        staff.decide(id, "{\"outcome\":\"APPROVED\",\"criterion\":\"DPI\",\"evidence\":{\"kind\":\"a\",\"issuer\":\"b\",\"date\":\"2999-01-01\"}}")
                .statusCode(400).contentType("application/problem+json");
        staff.decide(id, "{\"outcome\":\"EXPIRED\",\"reasonCodes\":[\"OTHER\"]}").statusCode(400);
        staff.get("/enrolments/" + id).body("status", equalTo("SUBMITTED")).body("decisions", hasSize(0));
    }
}
