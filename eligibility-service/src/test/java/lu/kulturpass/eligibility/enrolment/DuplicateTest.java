package lu.kulturpass.eligibility.enrolment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.beneficiary.PersonKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateTest {

    @Inject
    Duplicates duplicates;

    @Test
    void thePersonKeyIgnoresAccentsCaseHyphensAndNameOrder() {
        LocalDate born = LocalDate.of(1980, 1, 2);
        assertEquals(PersonKey.of("Zoë", "Łukasiewicz-Weber", born), PersonKey.of("ZOE WEBER", "lukasiewicz", born));
        assertEquals(PersonKey.of("Ana", "Silva", born), PersonKey.of("Silva", "Ana", born));
        org.junit.jupiter.api.Assertions.assertNotEquals(PersonKey.of("Ana", "Silva", born), PersonKey.of("Ana", "Silva", born.plusDays(1)));
    }

    @Test
    void aPersonEnrolledElsewhereGetsNoSecondPassAndTheSecondAgencyLearnsOnlyThat() {
        String born = "1979-12-24";
        AgencyWorker first = AgencyWorker.ofNewAgency();
        AgencyWorker second = AgencyWorker.ofNewAgency();
        String firstEnrolment = first.enrolOne("Zoë", "Müller-Lang", born).getString("id");
        first.approve(firstEnrolment);

        // the second agency enrols the same person (written differently) with her child
        JsonPath enrolment = second.enrol(AgencyWorker.household("SINGLE_PARENT",
                AgencyWorker.member("zoe", "MULLER LANG", born), AgencyWorker.member("Kim", "Lang", "2016-05-05")));
        String id = enrolment.getString("id");
        assertEquals("NEEDS_REVIEW", enrolment.getString("status"));
        assertEquals("ALREADY_ENROLLED_ELSEWHERE", enrolment.getString("decisions[0].reasonCodes[0]"));
        assertEquals("system", enrolment.getString("decisions[0].decidedBy"));
        String zoe = enrolment.getString("members.find { it.lastName == 'MULLER LANG' }.id");
        second.get("/beneficiaries/" + zoe).statusCode(200).body("enrolledElsewhere", equalTo(true))
                .body(not(containsString(first.agencyId))).body(not(containsString(firstEnrolment)));

        // approving issues the child's pass only
        JsonPath approved = second.approve(id);
        assertEquals("APPROVED", approved.getString("status"));
        org.hamcrest.MatcherAssert.assertThat(approved.get("members.find { it.firstName == 'zoe' }.passId"), nullValue());
        org.hamcrest.MatcherAssert.assertThat(approved.get("members.find { it.firstName == 'Kim' }.passId"), notNullValue());
        assertEquals(true, approved.getBoolean("members.find { it.firstName == 'zoe' }.enrolledElsewhere"));
        org.hamcrest.MatcherAssert.assertThat(approved.prettify(), not(containsString(first.agencyId)));
    }

    @Test
    void aHouseholdWhoseEveryMemberHoldsAPassElsewhereCannotBeApproved() {
        AgencyWorker first = AgencyWorker.ofNewAgency();
        AgencyWorker second = AgencyWorker.ofNewAgency();
        first.approve(first.enrolOne("Omar", "Haddad", "1970-07-07").getString("id"));
        String id = second.enrolOne("Omar", "Haddad", "1970-07-07").getString("id");
        second.decide(id, AgencyWorker.approval()).statusCode(409)
                .body("detail", containsString("already enrolled elsewhere"))
                .body("detail", not(containsString(first.agencyId)));
        second.decide(id, "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"ALREADY_ENROLLED_ELSEWHERE\"]}").statusCode(200);
    }

    @Test
    void onceTheFirstEnrolmentIsRejectedThePersonCanBeEnrolledAgain() {
        AgencyWorker first = AgencyWorker.ofNewAgency();
        AgencyWorker second = AgencyWorker.ofNewAgency();
        String firstId = first.enrolOne("Nina", "Roth", "1995-09-09").getString("id");
        first.decide(firstId, "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"CRITERION_NOT_MET\"]}").statusCode(200);
        JsonPath enrolment = second.enrolOne("Nina", "Roth", "1995-09-09");
        assertEquals("SUBMITTED", enrolment.getString("status"));
        second.approve(enrolment.getString("id"));
        second.get("/enrolments/" + enrolment.getString("id")).body("members[0].passId", notNullValue());
    }

    @Test
    void aPersonInTwoHouseholdsClaimedTogetherGetsThePassOfTheFirstOnly() {
        // an imported list's households are claimed together, with one query for all their person keys
        AgencyWorker worker = AgencyWorker.ofNewAgency();
        UUID first = UUID.fromString(worker.enrolOne("Lina", "Becker", "1988-03-03").getString("id"));
        UUID second = UUID.fromString(worker.enrolOne("LINA", "becker", "1988-03-03").getString("id"));
        List<List<Beneficiary>> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<List<Beneficiary>> claims = duplicates.claimAll(List.of(Beneficiary.members(first), Beneficiary.members(second)));
            Beneficiary.flush(); // the unique index on pass holders' keys would refuse a second claim
            return claims;
        });
        assertEquals(1, claimed.get(0).size());
        assertEquals(0, claimed.get(1).size());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(true, Beneficiary.members(first).get(0).holdsPass);
            assertEquals(false, Beneficiary.members(second).get(0).holdsPass);
            assertEquals(true, Beneficiary.members(second).get(0).enrolledElsewhere);
        });
    }
}
