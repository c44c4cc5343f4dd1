package lu.kulturpass.core.partner;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;

/**
 * Partners registered as programme staff register them, through the API: the agencies that issue the tests'
 * passes and the venues whose box offices read. Call from a test or a {@code @BeforeEach} method (RestAssured
 * knows the service's address only then), not from a field's initialiser.
 */
public final class RegisteredPartners {

    private static final String PROGRAMME_STAFF = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    private RegisteredPartners() {
    }

    /** A social partner with a signed agreement activated, in force from a month ago for a year: it may issue passes. */
    public static String agencyWithAgreementInForce() {
        String agencyId = agency();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        move(agreement(agencyId, today.minusMonths(1), today.plusYears(1)), "ACTIVATE").statusCode(200);
        return agencyId;
    }

    /** A social partner without an agreement yet. */
    public static String agency() {
        return given().auth().oauth2(PROGRAMME_STAFF).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social " + UUID.randomUUID() + "\"}")
                .when().post("/partners").then().statusCode(201).extract().path("id");
    }

    /** A cultural partner with one venue: {@code id}, {@code venues[0].id}. */
    public static JsonPath theatre() {
        return given().auth().oauth2(PROGRAMME_STAFF).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Grande salle\"}]}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    /** An agreement with a social partner, signed today and drafted; returns its id. */
    public static String agreement(String agencyId, LocalDate from, LocalDate until) {
        return given().auth().oauth2(PROGRAMME_STAFF).contentType(ContentType.JSON)
                .body("{\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\",\"signedOn\":\""
                        + LocalDate.now(ZoneOffset.UTC) + "\"}")
                .when().post("/partners/" + agencyId + "/agreements").then().statusCode(201).extract().path("id");
    }

    /** The id of the partner's first agreement. */
    public static String agreementOf(String partnerId) {
        return given().auth().oauth2(PROGRAMME_STAFF).when().get("/partners/" + partnerId + "/agreements")
                .then().statusCode(200).extract().path("[0].id");
    }

    /** Moves an agreement as programme staff do: ACTIVATE, SUSPEND, RESUME or TERMINATE. */
    public static ValidatableResponse move(String agreementId, String transition) {
        return given().auth().oauth2(PROGRAMME_STAFF).contentType(ContentType.JSON).body("{\"transition\":\"" + transition + "\"}")
                .when().post("/agreements/" + agreementId + "/transitions").then();
    }
}
