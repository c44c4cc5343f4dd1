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
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HostileInput;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Every operation of pass-service's OpenAPI document, sent hostile values (HostileInput) by a caller of a role it serves:
 * a worker of an agency with an agreement in force, the box office or manager of a theatre's venue, or programme staff.
 * No answer is a server error, every refusal is a problem+json with a sentence, and a refused request writes nothing.
 * The resources named are this test's own (its agency's pass and agreements, its theatre), never shared ones: the
 * plausible requests are carried out.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        AccessMatrix.callTheServiceUnderTest();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
        String agency = RegisteredPartners.agencyWithAgreementInForce();
        String agreement = RegisteredPartners.agreementOf(agency);
        String draft = RegisteredPartners.agreement(agency, today.plusYears(1).plusDays(1), today.plusYears(2));
        // moved and renewed by the run: another agency's, so the first one still issues passes when its turn comes
        String moved = RegisteredPartners.agreementOf(RegisteredPartners.agencyWithAgreementInForce());
        JsonPath theatre = RegisteredPartners.theatre();
        String theatreId = theatre.getString("id");
        String venue = theatre.getString("venues[0].id");
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, agency);
        long pass = given().auth().oauth2(agencyStaff).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(member("holder-hostile"))
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getLong("id");
        String terms = "{\"validFrom\":\"" + today + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}";
        HostileInput.forService("pass-service")
                .databaseOfTheService("kulturpass_pass")
                // the statistics and the record of account changes are fed by events (pass-service reads its own), after an accepted request
                .changesByItself(PassServiceProcess.tablesFedByEvents("kulturpass_pass"))
                .platformOperations(BOX_OFFICE, venue, "admissions")
                .token(PROGRAMME_STAFF, programmeStaff)
                .token(AGENCY_STAFF, agencyStaff)
                .token(BOX_OFFICE, BearerTokens.token(Roles.BOX_OFFICE, venue))
                .token(VENUE_MANAGER, BearerTokens.token(Roles.VENUE_MANAGER, venue))
                .caller("GET /passes/{id}", AGENCY_STAFF)
                .caller("GET /partners/{partnerId}/agreements", AGENCY_STAFF)
                .caller("GET /agreements/{id}", AGENCY_STAFF)
                .caller("GET /statistics/partners/{partnerId}", AGENCY_STAFF)
                .header("POST /passes", "Idempotency-Key", UUID.randomUUID())
                .json("POST /passes", member("holder-hostile-2"))
                .header("POST /passes/households", "Idempotency-Key", UUID.randomUUID())
                .json("POST /passes/households", household())
                .json("POST /passes/households/batch", "{\"households\":[{\"idempotencyKey\":\"" + UUID.randomUUID()
                        + "\",\"household\":" + household() + "}]}")
                .path("GET /passes/{id}", "id", pass)
                .path("GET /passes/{id}/qr.png", "id", pass)
                .path("GET /passes/{id}/qr.svg", "id", pass)
                .path("POST /passes/{id}/card.pdf", "id", pass)
                .json("POST /passes/{id}/card.pdf", "{\"holderName\":\"Ana Silva\",\"language\":\"fr\"}")
                .path("POST /passes/{id}/card-link", "id", pass)
                .json("POST /passes/{id}/card-link", "{\"holderName\":\"Ana Silva\",\"language\":\"fr\"}")
                .path("DELETE /passes/{id}/card-link", "id", pass)
                .json("POST /cards/sheet.pdf", "{\"language\":\"fr\",\"cards\":[{\"passId\":" + pass + ",\"holderName\":\"Ana Silva\"}]}")
                .path("POST /passes/{id}/transitions", "id", pass)
                .json("POST /passes/{id}/transitions", "{\"transition\":\"SUSPEND\",\"reason\":\"MISUSE\"}")
                .path("GET /passes/{id}/transitions", "id", pass)
                // no key of the tests' is retired: the operation is refused, 404, before and after each change
                .path("POST /signing-keys/{keyId}/retirement", "keyId", 999_999)
                .json("POST /partners", "{\"kind\":\"SOCIAL\",\"name\":\"Office social hostile\"}")
                .path("GET /partners/{id}", "id", agency)
                .path("PUT /partners/{id}", "id", agency)
                .json("PUT /partners/{id}", "{\"name\":\"Renamed by the hostile test\"}")
                .path("POST /partners/{id}/venues", "id", theatreId)
                .json("POST /partners/{id}/venues", "{\"name\":\"Salle hostile\"}")
                .path("GET /partners/{id}/history", "id", agency)
                .path("POST /partners/{partnerId}/agreements", "partnerId", agency)
                .json("POST /partners/{partnerId}/agreements", terms)
                .path("GET /partners/{partnerId}/agreements", "partnerId", agency)
                .path("GET /agreements/{id}", "id", agreement)
                .path("PUT /agreements/{id}", "id", draft)
                .json("PUT /agreements/{id}", terms)
                .path("POST /agreements/{id}/transitions", "id", moved)
                .json("POST /agreements/{id}/transitions", "{\"transition\":\"SUSPEND\"}")
                .path("POST /agreements/{id}/renewal", "id", moved)
                .json("POST /agreements/{id}/renewal", "{\"validUntil\":\"" + today.plusYears(3) + "\"}")
                .path("GET /statistics/partners/{partnerId}", "partnerId", agency)
                .path("GET /statistics/partners/{partnerId}.csv", "partnerId", agency)
                .path("GET /cards/m/{secret}", "secret", "not-a-secret")
                .query("GET /accounts/changes", "partnerId", venue)
                .run()
                .assertNoFailures();
    }

    /** What the hostile input found: a date parameter out of range reached the database (500), and one not a date answered 404. */
    @Test
    void aDateParameterIsReadAsABodysDateIs() {
        AccessMatrix.callTheServiceUnderTest();
        String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
        given().auth().oauth2(programmeStaff).urlEncodingEnabled(false).when().get("/audit/anomalies?to=%2B999999999-12-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("The parameter 'to' must be a date between 1900-01-01 and 2199-12-31"));
        given().auth().oauth2(programmeStaff).when().get("/statistics/programme?from=tomorrow")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("The parameter 'from' must be a date like 2026-03-14"));
        given().auth().oauth2(programmeStaff).when().get("/statistics/programme?from=2026-01-01&to=2026-01-31").then().statusCode(200);
    }

    private static String member(String holderRef) {
        return "{\"holderRef\":\"" + holderRef + "\",\"category\":\"ADULT\",\"initials\":\"AS\",\"birthYear\":1984}";
    }

    private static String household() {
        return "{\"householdRef\":\"household-hostile\",\"members\":[" + member("member-hostile") + "]}";
    }
}
