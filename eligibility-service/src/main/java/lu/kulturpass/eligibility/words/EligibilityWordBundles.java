package lu.kulturpass.eligibility.words;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import lu.kulturpass.platform.words.WordBundles;

/** eligibility-service's catalogues of words: the agency page's, the CSV import and export's, and the API's problems. */
@ApplicationScoped
public class EligibilityWordBundles implements WordBundles {

    /** Every catalogue of this service, for the pages ({@code /words.js}) and the catalogue test. */
    public static final List<Class<?>> BUNDLES = List.of(AgencyWords.class, ImportWords.class, RefusalWords.class);

    @Override
    public List<Class<?>> bundles() {
        return BUNDLES;
    }
}
