package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.words.Catalogue;
import lu.kulturpass.testing.WordsCatalogue;
import lu.kulturpass.venue.admission.AdmissionWords;
import lu.kulturpass.venue.admission.Reason;
import org.junit.jupiter.api.Test;

/** venue-service's catalogues of words: complete in the four languages, and the one place the pages read theirs. */
@QuarkusTest
class WordsCatalogueTest {

    @Test
    void everyVenueServiceWordIsWrittenInEveryLanguage() {
        WordsCatalogue.assertComplete(java.util.stream.Stream.concat(Catalogue.PLATFORM.stream(), VenueCatalogue.BUNDLES.stream())
                .toArray(Class<?>[]::new));
    }

    @Test
    void everyRefusalIsSaidInItsOwnWordsInEveryLanguage() {
        for (Language language : Language.values()) {
            AdmissionWords words = Words.in(AdmissionWords.class, language);
            long distinct = java.util.Arrays.stream(Reason.values()).map(words::reason).distinct().count();
            assertEquals(Reason.values().length, distinct, "two reasons say the same in " + language);
        }
        assertEquals("Dës Kaart gouf haut hei scho benotzt.", Words.in(AdmissionWords.class, Language.LB).reason(Reason.ALREADY_ADMITTED_TODAY));
    }

    @Test
    void theScannerPageIsServedTheReasonsForItsOfflineVerdictsInLuxembourgish() throws Exception {
        String script = given().when().get("/words.js").then().statusCode(200).extract().asString();
        JsonNode words = new ObjectMapper().readTree(script.substring(script.indexOf('{'), script.lastIndexOf(';')));
        assertEquals("Dës Kaart ass fir de Moment gespaart. D'Persoun kann sech un hire Sozialbüro wenden.",
                words.path("lb").path("reason").path("SUSPENDED").asText());
        assertEquals("Apparat mat {0} gekuppelt als „{1}“.", words.path("lb").path("pairedAs").asText());
        assertEquals("gekuppelt", words.path("lb").path("deviceState").path("PAIRED").asText());
    }

    @Test
    void thePagesHoldNoWordsOfTheirOwn() throws Exception {
        Path pages = Path.of("src/main/resources/META-INF/resources");
        assertFalse(Files.exists(pages.resolve("scanner/i18n.js")), "the scanner's words are in the catalogue");
        for (String script : new String[] {"scanner/core.js", "venue/venue.js"}) {
            String text = Files.readString(pages.resolve(script));
            assertTrue(text.contains("KulturpassPage.translator"), script + " translates through the catalogue");
            assertFalse(text.matches("(?s).*\\b(fr|de|en): \\{.*"), script + " holds a table of words");
        }
    }
}
