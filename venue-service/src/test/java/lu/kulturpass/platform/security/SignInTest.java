package lu.kulturpass.platform.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.Test;

/**
 * What every service serves the pages for signing in (platform's {@link SignInResource} and {@link SignedInResource}),
 * here on venue-service: who is signed in, and the way back to a page of this site after signing in, never to another.
 */
@QuarkusTest
class SignInTest {

    private static JsonPath me(String token) {
        return given().auth().oauth2(token).when().get("/me").then().statusCode(200).extract().jsonPath();
    }

    private static String signInGoesTo(String to) {
        var request = given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, "venue-1")).redirects().follow(false);
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.when().get("/signin").then().statusCode(303).header("Cache-Control", "no-store").extract().header("Location");
    }

    @Test
    void meAnswersTheCallersUserRolesAndPartner() {
        JsonPath boxOffice = me(BearerTokens.token(Roles.BOX_OFFICE, "venue-42"));
        assertEquals("box-office@kulturpass.test", boxOffice.getString("user"), "the token's upn when it has no preferred_username");
        assertEquals(null, boxOffice.getString("name"));
        assertEquals(List.of(Roles.BOX_OFFICE), boxOffice.getList("roles"));
        assertEquals("venue-42", boxOffice.getString("partnerId"));

        JsonPath programme = me(BearerTokens.token(Roles.PROGRAMME_STAFF, null, Map.of("preferred_username", "mschmit",
                "name", "Marie Schmit", "email", "marie.schmit@cultur.example",
                "groups", Set.of(Roles.PROGRAMME_STAFF, Roles.VENUE_MANAGER, "offline_access"))));
        assertEquals("mschmit", programme.getString("user"), "Keycloak's user name first");
        assertEquals("Marie Schmit", programme.getString("name"));
        assertEquals(Set.of(Roles.PROGRAMME_STAFF, Roles.VENUE_MANAGER), Set.copyOf(programme.getList("roles")), "Kulturpass roles only");
        assertEquals(null, programme.getString("partnerId"), "programme staff belong to no partner");
        assertEquals(Set.of("user", "name", "roles", "partnerId"), programme.getMap("$").keySet(), "nothing else about the person");
    }

    @Test
    void meAndSignInNeedASignedInCaller() {
        given().when().get("/me").then().statusCode(401);
        given().redirects().follow(false).queryParam("to", "/scanner/").when().get("/signin").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/me").then().statusCode(401);
    }

    @Test
    void signInSendsTheSignedInPersonToThePageOfThisSiteTheyCameFrom() {
        assertEquals("/scanner/", signInGoesTo("/scanner/"));
        assertEquals("/agency/#/enrolments/0b7e?lang=fr", signInGoesTo("/agency/#/enrolments/0b7e?lang=fr"));
    }

    @Test
    void signInNeverSendsAnywhereElseThanThisSite() {
        for (String elsewhere : List.of("//evil.example", "//evil.example/scanner/", "/\\evil.example", "https://evil.example/",
                "javascript:alert(1)", "scanner/", "", " /scanner/", "/scanner/\r\nSet-Cookie: a=b")) {
            assertEquals("/", signInGoesTo(elsewhere), elsewhere);
        }
        assertEquals("/", signInGoesTo(null));
    }
}
