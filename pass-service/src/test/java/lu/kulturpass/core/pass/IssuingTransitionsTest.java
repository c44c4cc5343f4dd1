package lu.kulturpass.core.pass;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.partner.Refusals.NO_AGREEMENT;
import static lu.kulturpass.core.partner.Refusals.refused;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.junit.jupiter.api.Test;

/**
 * Renewing a pass (two more years) or replacing it (a new card) issues it anew: an agency whose agreement is
 * not in force is refused as when it issues, and nothing is written; it can still suspend, reinstate or revoke.
 */
@QuarkusTest
class IssuingTransitionsTest {

    private final Passes passes = new Passes();

    @Test
    void anAgencyWhoseAgreementIsSuspendedCannotRenewNorReplaceButCanStopACard() {
        long active = passes.inStanding(PassStatus.ACTIVE);
        long expired = passes.inStanding(PassStatus.EXPIRED);
        String agreement = RegisteredPartners.agreementOf(passes.agency());
        RegisteredPartners.move(agreement, "SUSPEND").statusCode(200);
        String before = seen(active) + seen(expired);
        long passesBefore = passesOfTheAgency();

        refused(passes.move(active, "RENEW", "RENEWAL"), NO_AGREEMENT);
        refused(passes.move(active, "REPLACE", "LOST"), NO_AGREEMENT);
        refused(passes.move(expired, "RENEW", "RENEWAL"), NO_AGREEMENT);
        assertEquals(before, seen(active) + seen(expired), "a refused renewal or replacement changed a pass");
        assertEquals(passesBefore, passesOfTheAgency(), "a refused replacement issued a pass");
        assertEquals(List.of(), transitionsOf(active));
        assertEquals(List.of(Transition.EXPIRE), transitionsOf(expired));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Revocation.count("passId", active)), "a revocation entry");

        passes.move(active, "SUSPEND", "MISUSE").statusCode(200).body("status", equalTo("SUSPENDED"));
        refused(passes.move(active, "REPLACE", "STOLEN"), NO_AGREEMENT);
        passes.move(active, "REINSTATE", "DOUBT_CLEARED").statusCode(200).body("status", equalTo("ACTIVE"));
        passes.move(active, "REVOKE", "ELIGIBILITY_ENDED").statusCode(200).body("status", equalTo("REVOKED"));

        RegisteredPartners.move(agreement, "RESUME").statusCode(200);
        passes.move(expired, "RENEW", "RENEWAL").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /** The pass as its agency reads it (which a suspended agreement does not stop). */
    private String seen(long passId) {
        return given().auth().oauth2(passes.staff()).when().get("/passes/" + passId).then().statusCode(200).extract().asString();
    }

    private long passesOfTheAgency() {
        return QuarkusTransaction.requiringNew().call(() -> Pass.count("agencyId", passes.agency()));
    }

    private static List<Transition> transitionsOf(long passId) {
        return QuarkusTransaction.requiringNew().call(() -> PassTransitionRecord.<PassTransitionRecord>list("passId", passId)
                .stream().map(step -> step.transition).toList());
    }
}
