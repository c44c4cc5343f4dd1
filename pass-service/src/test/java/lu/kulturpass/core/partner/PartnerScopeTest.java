package lu.kulturpass.core.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import lu.kulturpass.core.card.CardLink;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassStatus;
import lu.kulturpass.core.pass.PassTransitionRecord;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.Test;

/** A token naming an organisation the programme does not know acts for nobody and reads nothing. */
@QuarkusTest
class PartnerScopeTest {

    private static final String UNKNOWN_VENUE = "Your account's venue is not one the programme knows";

    @Test
    void aRandomPartnerIdReadsNothingAndIsRefused() {
        // a pass issued to a made-up agency id, as pass-service issued before it checked who asks
        String madeUp = UUID.randomUUID().toString();
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, madeUp);
        long passId = given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, RegisteredPartners.agencyWithAgreementInForce()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"holderRef\":\"holder-1\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> Pass.update("agencyId = ?1 where id = ?2", madeUp, passId));

        for (String path : new String[] {"/passes/" + passId, "/passes/" + passId + "/qr.png", "/passes/" + passId + "/transitions",
                "/statistics/partners/" + madeUp, "/partners/" + madeUp + "/agreements"}) {
            IssuingAgencyTest.refused(given().auth().oauth2(agencyStaff).when().get(path).then(), IssuingAgencyTest.UNKNOWN);
        }
        IssuingAgencyTest.refused(given().auth().oauth2(agencyStaff).contentType(ContentType.JSON)
                .body("{\"transition\":\"REVOKE\",\"reason\":\"OTHER\"}").when().post("/passes/" + passId + "/transitions").then(),
                IssuingAgencyTest.UNKNOWN);
        IssuingAgencyTest.refused(given().auth().oauth2(agencyStaff).contentType(ContentType.JSON).body("{}")
                .when().post("/passes/" + passId + "/card-link").then(), IssuingAgencyTest.UNKNOWN);
        assertEquals(PassStatus.ACTIVE, QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>findById(passId).status));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PassTransitionRecord.count("passId", passId)), "a transition was recorded");
        assertNull(QuarkusTransaction.requiringNew().call(() -> CardLink.findById(passId)), "a card link was made");

        // a box office whose venue the programme does not know: a made-up id, or an agency's
        for (String venueId : new String[] {UUID.randomUUID().toString(), RegisteredPartners.agency()}) {
            IssuingAgencyTest.refused(given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, venueId)).when().get("/revocations")
                    .then(), UNKNOWN_VENUE);
        }
    }
}
