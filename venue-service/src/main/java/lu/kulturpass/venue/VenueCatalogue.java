package lu.kulturpass.venue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import lu.kulturpass.platform.words.WordBundles;
import lu.kulturpass.venue.admission.AdmissionWords;
import lu.kulturpass.venue.device.DeviceWords;
import lu.kulturpass.venue.performance.PerformanceWords;

/** venue-service's catalogues of words: its answers' (served by /words.js too). */
@ApplicationScoped
public class VenueCatalogue implements WordBundles {

    /** Every bundle of the service, for /words.js and the catalogue test. */
    public static final List<Class<?>> BUNDLES = List.of(AdmissionWords.class, DeviceWords.class, PerformanceWords.class);

    @Override
    public List<Class<?>> bundles() {
        return BUNDLES;
    }
}
