package lu.kulturpass.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.venue.Door;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's problems (here on venue-service) in the caller's language ({@code Accept-Language}): an unreadable
 * body, a refused constraint and an address with nothing behind it, titled and said in French or Luxembourgish, the
 * field named as the client sent it; a caller naming no language we speak gets English.
 */
@QuarkusTest
class ProblemsInTheCallersLanguageTest {

    @Inject
    Validator validator;

    private String manager;
    private String boxOffice;

    @BeforeEach
    void aVenue() {
        String venue = Door.venueFor(this, "theatre");
        manager = BearerTokens.token(Roles.VENUE_MANAGER, venue);
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
    }

    private ValidatableResponse schedule(String language, String body) {
        return given().auth().oauth2(manager).header("Accept-Language", language).contentType(ContentType.JSON).body(body)
                .when().post("/performances").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnreadableBodyIsSaidInFrenchAndLuxembourgishWithTheFieldAsSent() {
        String broken = "{\"title\":\"Hamlet\" \"placesOffered\":5}";
        schedule("fr-LU, en;q=0.5", broken).body("title", equalTo("Requête invalide")).body("detail", equalTo(
                "Le corps de la requête n’est pas du JSON valide (ligne 1, colonne 19) : vérifiez ses guillemets, virgules et crochets"));
        schedule("lb", broken).body("title", equalTo("Ongëlteg Ufro")).body("detail", equalTo(
                "Den Inhalt vun der Ufro ass kee gëltege JSON (Linn 1, Kolonn 19): kontrolléiert seng Gänseféisercher, Kommaen a Klameren"));
        String wrongType = "{\"title\":12,\"startsAt\":\"2030-03-14T20:00:00+01:00\",\"placesOffered\":5}";
        schedule("lb", wrongType).body("detail", equalTo("D'Feld 'title' muss Text sinn"));
        schedule("fr", wrongType).body("detail", equalTo("Le champ 'title' doit être du texte"));
        schedule("pt", wrongType).body("title", equalTo("Invalid request")).body("detail", equalTo("Field 'title' must be text"));
    }

    @Test
    void aRefusedConstraintIsTheCataloguesSentenceInTheCallersLanguage() {
        // the scan's nonce is checked by @NotBlank(message = "{scanNonceNeeded}"): the word of venue-service's catalogue
        scan("fr").body("detail", equalTo("Donnez au scan un nonce de 100 caractères au plus"))
                .body("errors", contains("Donnez au scan un nonce de 100 caractères au plus"));
        scan("lb").body("title", equalTo("Ongëlteg Ufro")).body("detail", equalTo("Gitt dem Scan eng Nonce vun héchstens 100 Zeechen"));
        scan("en").body("detail", equalTo("Give the scan a nonce of up to 100 characters"));
    }

    private ValidatableResponse scan(String language) {
        return given().auth().oauth2(boxOffice).header("Accept-Language", language).contentType(ContentType.JSON).body("{\"token\":\"K1\"}")
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json");
    }

    /** A request as a service might declare it: one constraint naming a word of the catalogues, one with the validator's own message. */
    record Invitation(@NotBlank(message = "{accountNamePartner}") String partner, @Size(max = 3) String code) {
    }

    @Test
    void aConstraintNamingAWordSaysThatWordAndOneWithoutSaysThePlatformsSentenceForItsKind() {
        Set<ConstraintViolation<Invitation>> violations = validator.validate(new Invitation(" ", "ABCDE"));
        assertEquals(2, violations.size());
        for (ConstraintViolation<Invitation> violation : violations) {
            String said = Violations.in(Language.LB).describe(violation);
            if (violation.getPropertyPath().toString().equals("partner")) {
                assertEquals("Nennt de Sozialbüro oder de Spillort, zu deem de Kont gehéiert", said, "the word, a whole sentence, no field before it");
                assertEquals("Indiquez l’office social ou le lieu auquel le compte appartient", Violations.in(Language.FR).describe(violation));
            } else {
                assertEquals("D'Feld 'code' ass ze laang (héchstens 3 Zeechen)", said);
                assertEquals("Das Feld 'code' ist zu lang (höchstens 3 Zeichen)", Violations.in(Language.DE).describe(violation));
            }
        }
    }

    @Test
    void anAddressWithNothingBehindItIsNotFoundInTheCallersLanguage() {
        given().auth().oauth2(manager).header("Accept-Language", "fr").when().get("/performances/no-such/thing/here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Introuvable")).body("detail", equalTo("Rien ici : vérifiez l’adresse"));
        given().auth().oauth2(manager).header("Accept-Language", "lb").when().get("/performances/no-such/thing/here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Net fonnt")).body("detail", equalTo("Hei ass näischt: kontrolléiert d'Adress"));
        given().auth().oauth2(manager).when().get("/performances/no-such/thing/here")
                .then().statusCode(404).body("title", equalTo("Not found")).body("detail", equalTo("Nothing here: check the address"));
    }
}
