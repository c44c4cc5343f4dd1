package lu.kulturpass.core.pass;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;

/** Issues and moves passes through the API, as an agency worker would, for the lifecycle tests. */
final class Passes {

    private String agency;

    /** The agency issuing this test's passes, registered with an agreement in force when the test first asks. */
    String agency() {
        if (agency == null) {
            agency = RegisteredPartners.agencyWithAgreementInForce();
        }
        return agency;
    }

    String staff() {
        return BearerTokens.token(Roles.AGENCY_STAFF, agency());
    }

    JsonPath issue(String initials, int birthYear) {
        return given().auth().oauth2(staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"" + initials
                        + "\",\"birthYear\":" + birthYear + "}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath();
    }

    io.restassured.response.ValidatableResponse move(long passId, String transition, String reason) {
        return given().auth().oauth2(staff()).contentType(ContentType.JSON)
                .body("{\"transition\":\"" + transition + "\",\"reason\":\"" + reason + "\"}")
                .when().post("/passes/" + passId + "/transitions").then();
    }

    /** A pass in the given standing, reached the way the programme would reach it. */
    long inStanding(PassStatus status) {
        long id = issue("AB", 1980).getLong("id");
        switch (status) {
            case ACTIVE -> { }
            case SUSPENDED -> move(id, "SUSPEND", "MISUSE").statusCode(200);
            case REVOKED -> move(id, "REVOKE", "ELIGIBILITY_ENDED").statusCode(200);
            case REPLACED -> move(id, "REPLACE", "LOST").statusCode(201);
            case EXPIRED -> endValidityYesterday(id);
        }
        return id;
    }

    /** Moves the pass's last valid day to yesterday; the expiry job then expires it. */
    static void endValidityYesterday(long passId) {
        QuarkusTransaction.requiringNew().run(() -> Pass.update("validFrom = ?1, validUntil = ?2 where id = ?3",
                LocalDate.now().minusYears(2), LocalDate.now().minusDays(1), passId));
        io.quarkus.arc.Arc.container().instance(PassExpiry.class).get().expireDue(LocalDate.now(java.time.ZoneOffset.UTC));
    }
}
