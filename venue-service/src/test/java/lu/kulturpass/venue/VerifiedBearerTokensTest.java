package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.ScrapedMetrics;
import org.junit.jupiter.api.Test;

/**
 * Staff bearer tokens are verified once and then remembered for a short while (each scan sends the same
 * token): a remembered token still answers for its own user and venue only, and stops working when it
 * expires, as a token checked every time would.
 */
@QuarkusTest
class VerifiedBearerTokensTest {

    private static double recalled() {
        return ScrapedMetrics.now().value("kulturpass_bearer_tokens_recalled_total");
    }

    @Test
    void aTokenIsVerifiedOnceAndAnsweredFromMemoryAfter() {
        String theatre = Door.venueFor(this, "theatre");
        String token = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        given().auth().oauth2(token).when().get("/venues/mine").then().statusCode(200);
        double before = recalled();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/venues/mine").then().statusCode(200);
        }
        org.junit.jupiter.api.Assertions.assertEquals(before + 5, recalled());
    }

    @Test
    void aRememberedTokenStillActsForItsOwnVenueOnly() {
        String theatre = Door.venueFor(this, "theatre");
        String museum = Door.venueFor(this, "museum");
        String atTheatre = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        String atMuseum = BearerTokens.token(Roles.BOX_OFFICE, museum);
        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(atTheatre).when().get("/venues/mine").then().statusCode(200).body("id", equalTo(theatre));
            given().auth().oauth2(atMuseum).when().get("/venues/mine").then().statusCode(200).body("id", equalTo(museum));
        }
    }

    @Test
    void aRememberedTokenNamingNoVenueIsRefusedEveryTime() {
        String token = BearerTokens.token(Roles.BOX_OFFICE, null);
        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(token).when().get("/venues/mine").then().statusCode(403)
                    .body("detail", equalTo("Your account is not linked to an agency or venue"));
        }
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        String theatre = Door.venueFor(this, "theatre");
        String shortLived = BearerTokens.token(Roles.BOX_OFFICE, theatre, Duration.ofSeconds(3));
        given().auth().oauth2(shortLived).when().get("/venues/mine").then().statusCode(200);
        given().auth().oauth2(shortLived).when().get("/venues/mine").then().statusCode(200);
        Thread.sleep(4_500);
        given().auth().oauth2(shortLived).when().get("/venues/mine").then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsNeverTakenForARememberedOne() {
        String theatre = Door.venueFor(this, "theatre");
        String genuine = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        given().auth().oauth2(genuine).when().get("/venues/mine").then().statusCode(200);
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).when().get("/venues/mine").then().statusCode(401);
    }
}
