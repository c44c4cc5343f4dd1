package lu.kulturpass.core;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.testing.AccessMatrix.Role.AGENCY_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.BOX_OFFICE;
import static lu.kulturpass.testing.AccessMatrix.Role.PROGRAMME_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.VENUE_MANAGER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.BearerTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of pass-service's OpenAPI document, called by every caller it must refuse (AccessMatrix): no, malformed,
 * foreign-signed or expired tokens; roles it does not serve; its own roles without a partner, of an unknown partner, and of
 * another partner naming the first one's pass, agreement or figures. Each is refused, and none writes anything.
 * pass-service does not hide that another partner's pass or agreement exists (404 is for ids it does not hold): another
 * partner gets 403, as the table's default expects.
 */
@QuarkusTest
class AccessMatrixTest {

    private static String agencyA;
    private static String agencyB;
    private static String theatreA;
    private static String venueA;
    private static String venueB;
    private static String agencyAgreementA;
    private static String draftAgreementA;
    private static String theatreAgreementA;
    private static long passA;

    /** Two agencies with agreements in force, two theatres with a venue each; agency A's pass with a mobile card link. */
    @BeforeAll
    static void twoOfEachKindOfPartner() {
        AccessMatrix.callTheServiceUnderTest();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        agencyA = RegisteredPartners.agencyWithAgreementInForce();
        agencyB = RegisteredPartners.agencyWithAgreementInForce();
        agencyAgreementA = RegisteredPartners.agreementOf(agencyA);
        draftAgreementA = RegisteredPartners.agreement(agencyA, today.plusYears(1).plusDays(1), today.plusYears(2));
        JsonPath theatre = RegisteredPartners.theatre();
        theatreA = theatre.getString("id");
        venueA = theatre.getString("venues[0].id");
        venueB = RegisteredPartners.theatre().getString("venues[0].id");
        theatreAgreementA = given().auth().oauth2(programmeStaff()).contentType(ContentType.JSON)
                .body("{\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\"],\"validFrom\":\"" + today
                        + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}")
                .when().post("/partners/" + theatreA + "/agreements").then().statusCode(201).extract().path("id");
        RegisteredPartners.move(theatreAgreementA, "ACTIVATE").statusCode(200);
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, agencyA);
        passA = given().auth().oauth2(agencyStaff).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(member("holder-a"))
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(agencyStaff).contentType(ContentType.JSON).body("{\"language\":\"fr\"}")
                .when().post("/passes/" + passA + "/card-link").then().statusCode(200);
    }

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesCallersItDoesNotServeAndWritesNothing() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String socialTerms = "{\"validFrom\":\"" + today + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}";
        return AccessMatrix.forService("pass-service")
                .database("kulturpass_pass", ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))
                .partners(AGENCY_STAFF, agencyA, agencyB)
                .partners(BOX_OFFICE, venueA, venueB)
                .partners(VENUE_MANAGER, venueA, venueB)
                .publicOperation("GET /signing-keys", "anyone may check a card's signature")
                .publicOperation("GET /cards/m/{secret}", "the mobile card a beneficiary opens with the secret of their link, without an account")
                .publicOperation("GET /signin", "sends a person without a session to the provider's sign-in")
                .publicOperation("GET /words.js", "the pages' words in every language, read before anyone signs in")

                .anySignedIn("GET /me")
                // dead letters: programme staff replay a channel's once the cause is fixed
                .operation("POST /dead-letters/{channel}/replay", PROGRAMME_STAFF).path("channel", "admissions")

                // passes: the issuing agency (with an agreement in force) or programme staff
                .operation("POST /passes", AGENCY_STAFF)
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(member("holder-matrix"))
                .operation("POST /passes/households", AGENCY_STAFF)
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(household())
                .operation("POST /passes/households/batch", AGENCY_STAFF)
                .json("{\"households\":[{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"household\":" + household() + "}]}")
                .operation("GET /passes/{id}", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .operation("GET /passes/{id}/qr.png", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .operation("GET /passes/{id}/qr.svg", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .operation("POST /passes/{id}/card.pdf", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .json("{\"holderName\":\"Ana Silva\",\"language\":\"fr\"}")
                .operation("POST /passes/{id}/card-link", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .json("{\"holderName\":\"Ana Silva\",\"language\":\"fr\"}")
                .operation("DELETE /passes/{id}/card-link", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .operation("POST /cards/sheet.pdf", AGENCY_STAFF, PROGRAMME_STAFF)
                .json("{\"language\":\"fr\",\"cards\":[{\"passId\":" + passA + ",\"holderName\":\"Ana Silva\"}]}")
                .namesFirstPartnersResource(true)
                .operation("POST /passes/{id}/transitions", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .json("{\"transition\":\"SUSPEND\",\"reason\":\"MISUSE\"}")
                .operation("GET /passes/{id}/transitions", AGENCY_STAFF, PROGRAMME_STAFF).path("id", passA)
                .operation("GET /revocations", BOX_OFFICE, PROGRAMME_STAFF)

                // signing keys
                .operation("POST /signing-keys/rotation", PROGRAMME_STAFF)
                .operation("POST /signing-keys/{keyId}/retirement", PROGRAMME_STAFF).path("keyId", 1)

                // partners and agreements: programme staff; a partner's own staff read their agreements
                .operation("POST /partners", PROGRAMME_STAFF).json("{\"kind\":\"SOCIAL\",\"name\":\"Office social du matrix\"}")
                .operation("GET /partners", PROGRAMME_STAFF)
                .operation("GET /partners/{id}", PROGRAMME_STAFF).path("id", agencyA)
                .operation("PUT /partners/{id}", PROGRAMME_STAFF).path("id", agencyA).json("{\"name\":\"Renamed by the matrix\"}")
                .operation("POST /partners/{id}/venues", PROGRAMME_STAFF).path("id", theatreA).json("{\"name\":\"Salle du matrix\"}")
                .operation("GET /partners/{id}/history", PROGRAMME_STAFF).path("id", agencyA)
                .operation("POST /partners/{partnerId}/agreements", PROGRAMME_STAFF).path("partnerId", agencyA).json(socialTerms)
                .operation("GET /partners/{partnerId}/agreements", PROGRAMME_STAFF, AGENCY_STAFF, BOX_OFFICE)
                .path("partnerId", role -> role == BOX_OFFICE ? theatreA : agencyA)
                .operation("GET /agreements/{id}", PROGRAMME_STAFF, AGENCY_STAFF, BOX_OFFICE)
                .path("id", role -> role == BOX_OFFICE ? theatreAgreementA : agencyAgreementA)
                .operation("PUT /agreements/{id}", PROGRAMME_STAFF).path("id", draftAgreementA).json(socialTerms)
                .operation("POST /agreements/{id}/transitions", PROGRAMME_STAFF).path("id", agencyAgreementA)
                .json("{\"transition\":\"SUSPEND\"}")
                .operation("POST /agreements/{id}/renewal", PROGRAMME_STAFF).path("id", agencyAgreementA)
                .json("{\"validUntil\":\"" + today.plusYears(3) + "\"}")

                // statistics and audit: programme staff; a partner's own staff read their own figures
                .operation("GET /statistics/partners/{partnerId}", PROGRAMME_STAFF, AGENCY_STAFF, BOX_OFFICE)
                .path("partnerId", role -> role == BOX_OFFICE ? theatreA : agencyA)
                .operation("GET /statistics/programme", PROGRAMME_STAFF)
                .operation("POST /statistics/rebuild", PROGRAMME_STAFF)
                .operation("GET /statistics/partners", PROGRAMME_STAFF)
                .operation("GET /statistics/partners.csv", PROGRAMME_STAFF)
                .operation("GET /statistics/partners/{partnerId}.csv", PROGRAMME_STAFF).path("partnerId", agencyA)
                .operation("GET /statistics/programme.csv", PROGRAMME_STAFF)
                .operation("GET /statistics/programme.pdf", PROGRAMME_STAFF)
                .operation("GET /audit/expiring-agreements", PROGRAMME_STAFF)
                .operation("GET /audit/inactive-partners", PROGRAMME_STAFF)
                .operation("GET /audit/admissions-outside-agreements", PROGRAMME_STAFF)
                .operation("GET /audit/anomalies", PROGRAMME_STAFF)

                // staff accounts (platform): programme staff, a venue manager for their venue's box office (an agency's lead
                // worker too, a role the matrix does not make: agency staff without it are refused). The tests run no
                // Keycloak, so a caller who gets through is answered 503; the account named by {id} lives in Keycloak, so
                // another venue's manager naming it is tested against a real one (end-to-end AccountsIT)
                .operation("GET /accounts", PROGRAMME_STAFF, VENUE_MANAGER)
                .operation("POST /accounts", PROGRAMME_STAFF, VENUE_MANAGER).json(role -> invitation(role, venueA))
                .operation("POST /accounts/{id}/disable", PROGRAMME_STAFF, VENUE_MANAGER).path("id", UUID.randomUUID())
                .namesFirstPartnersResource(false)
                .operation("POST /accounts/{id}/enable", PROGRAMME_STAFF, VENUE_MANAGER).path("id", UUID.randomUUID())
                .namesFirstPartnersResource(false)
                .operation("GET /accounts/changes", PROGRAMME_STAFF, VENUE_MANAGER).query("partnerId", venueA)
                .namesFirstPartnersResource(true)
                .tests();
    }

    /** An invitation of a box-office worker: programme staff name the venue, its manager invites for their own. */
    static String invitation(AccessMatrix.Role role, String venue) {
        return "{\"username\":\"matrix.cashier\",\"firstName\":\"Nina\",\"lastName\":\"Neu\",\"email\":\"nina@example.lu\","
                + "\"role\":\"box-office\"" + (role == PROGRAMME_STAFF ? ",\"partnerId\":\"" + venue + "\"" : "") + "}";
    }

    private static String member(String holderRef) {
        return "{\"holderRef\":\"" + holderRef + "\",\"category\":\"ADULT\",\"initials\":\"AS\",\"birthYear\":1984}";
    }

    private static String household() {
        return "{\"householdRef\":\"household-matrix\",\"members\":[" + member("member-matrix") + "]}";
    }

    private static String programmeStaff() {
        return BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    }
}
