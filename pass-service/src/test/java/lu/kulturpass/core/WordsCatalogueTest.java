package lu.kulturpass.core;

import lu.kulturpass.platform.words.Catalogue;
import lu.kulturpass.testing.WordsCatalogue;
import org.junit.jupiter.api.Test;

/** Every word of pass-service's catalogues is written in French, German, English and Luxembourgish, with the same parameters. */
class WordsCatalogueTest {

    @Test
    void everyPassServiceWordIsWrittenInEveryLanguage() {
        WordsCatalogue.assertComplete(java.util.stream.Stream.concat(Catalogue.PLATFORM.stream(), PassServiceWords.BUNDLES.stream())
                .toArray(Class<?>[]::new));
    }
}
