package lu.kulturpass.platform.words;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.WordsCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The platform's catalogue of words (here on venue-service): served to the pages in the four languages, and the
 * problems answered in the caller's language.
 */
@QuarkusTest
class WordsTest {

    @Test
    void everyPlatformWordIsWrittenInEveryLanguage() {
        WordsCatalogue.assertComplete(Catalogue.PLATFORM.toArray(Class<?>[]::new));
    }

    @Test
    void thePagesAreServedTheirWordsInFrenchGermanEnglishAndLuxembourgishWithoutSigningIn() throws Exception {
        String script = given().when().get("/words.js").then().statusCode(200).contentType("text/javascript")
                .extract().asString();
        String prefix = "window.KULTURPASS_WORDS = ";
        assertTrue(script.startsWith(prefix), script);
        JsonNode words = new ObjectMapper().readTree(script.substring(prefix.length(), script.lastIndexOf(';')));
        List<String> languages = new ArrayList<>();
        words.fieldNames().forEachRemaining(languages::add);
        assertEquals(List.of("fr", "de", "en", "lb"), languages);
        assertEquals("Aloggen", words.path("lb").path("signinButton").asText());
        assertEquals("Angemeldet: {0}", words.path("de").path("signedInAs").asText(), "a parameter is left for the page to fill in");
        assertEquals(words.path("en").size(), words.path("lb").size());
        assertEquals("Lëtzebuergesch", words.path("fr").path("languageName").path("LB").asText(), "a message about an enum: one word per constant");
    }

    @Test
    void aRefusalIsAnsweredInTheLanguageTheCallerAccepts() {
        String token = BearerTokens.token(Roles.AGENCY_STAFF, "agency-1");
        assertEquals("Votre rôle ne permet pas cette action", given().auth().oauth2(token).header("Accept-Language", "fr-LU, en;q=0.5")
                .when().get("/devices").then().statusCode(403).extract().path("detail"));
        assertEquals("Är Roll erlaabt dës Aktioun net", given().auth().oauth2(token).header("Accept-Language", "lb")
                .when().get("/devices").then().statusCode(403).extract().path("detail"));
        assertEquals("Your role does not allow this action", given().auth().oauth2(token).header("Accept-Language", "pt")
                .when().get("/devices").then().statusCode(403).extract().path("detail"), "a language the programme does not speak gets English");
    }
}
