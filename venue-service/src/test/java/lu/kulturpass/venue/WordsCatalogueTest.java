package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.testing.WordsCatalogue;
import lu.kulturpass.venue.admission.AdmissionWords;
import lu.kulturpass.venue.admission.Reason;
import org.junit.jupiter.api.Test;

/** venue-service's catalogues of words: complete in the four languages. */
@QuarkusTest
class WordsCatalogueTest {

    @Test
    void everyVenueServiceWordIsWrittenInEveryLanguage() {
        WordsCatalogue.assertComplete(VenueCatalogue.BUNDLES.toArray(Class<?>[]::new));
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
}
