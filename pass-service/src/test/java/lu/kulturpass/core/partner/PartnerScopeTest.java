package lu.kulturpass.core.partner;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.partner.Refusals.NOT_AN_AGENCY;
import static lu.kulturpass.core.partner.Refusals.NOT_A_CULTURAL_VENUE;
import static lu.kulturpass.core.partner.Refusals.UNKNOWN;
import static lu.kulturpass.core.partner.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.core.card.CardLink;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassStatus;
import lu.kulturpass.core.pass.PassTransitionRecord;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.Test;

/**
 * A token naming an organisation the programme does not know, or one of another kind than the caller's role works
 * for (agency staff: a social partner; box office: a cultural partner's venue), acts for nobody and reads nothing.
 */
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
            refused(given().auth().oauth2(agencyStaff).when().get(path).then(), UNKNOWN);
        }
        refused(given().auth().oauth2(agencyStaff).contentType(ContentType.JSON)
                .body("{\"transition\":\"REVOKE\",\"reason\":\"OTHER\"}").when().post("/passes/" + passId + "/transitions").then(),
                UNKNOWN);
        refused(given().auth().oauth2(agencyStaff).contentType(ContentType.JSON).body("{}")
                .when().post("/passes/" + passId + "/card-link").then(), UNKNOWN);
        assertEquals(PassStatus.ACTIVE, QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>findById(passId).status));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PassTransitionRecord.count("passId", passId)), "a transition was recorded");
        assertNull(QuarkusTransaction.requiringNew().call(() -> CardLink.findById(passId)), "a card link was made");

        // a box office whose venue the programme does not know: a made-up id, or an agency's
        for (String venueId : new String[] {UUID.randomUUID().toString(), RegisteredPartners.agency()}) {
            refused(given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, venueId)).when().get("/revocations")
                    .then(), UNKNOWN_VENUE);
        }
    }

    @Test
    void anAgencyAccountNamingATheatreReadsNoneOfItsAgreementsNorFigures() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath theatre = RegisteredPartners.theatre();
        String theatreId = theatre.getString("id");
        String agreementId = given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).contentType(ContentType.JSON)
                .body("{\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\"],\"validFrom\":\"" + today
                        + "\",\"validUntil\":\"" + today.plusYears(1) + "\"}")
                .when().post("/partners/" + theatreId + "/agreements").then().statusCode(201).extract().path("id");
        String[] theatresOwn = {"/partners/" + theatreId + "/agreements", "/agreements/" + agreementId,
                "/statistics/partners/" + theatreId};

        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, theatreId);
        for (String path : theatresOwn) {
            refused(given().auth().oauth2(agencyStaff).when().get(path).then(), NOT_AN_AGENCY);
        }
        // the theatre's own box office reads them
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre.getString("venues[0].id"));
        for (String path : theatresOwn) {
            given().auth().oauth2(boxOffice).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void aBoxOfficeReadsNothingOfAnAgencyItsVenueWasAttachedTo() {
        // the API gives venues to cultural partners only; a venue attached to an agency by other means acts for nobody
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        UUID venueId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Venue venue = new Venue();
            venue.id = venueId;
            venue.partner = Partner.findById(UUID.fromString(agencyId));
            venue.name = "Salle d'attente";
            venue.persist();
        });
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venueId.toString());
        for (String path : new String[] {"/partners/" + agencyId + "/agreements", "/agreements/" + RegisteredPartners.agreementOf(agencyId),
                "/statistics/partners/" + agencyId, "/revocations"}) {
            refused(given().auth().oauth2(boxOffice).when().get(path).then(), NOT_A_CULTURAL_VENUE);
        }
    }
}
