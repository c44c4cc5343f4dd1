package lu.kulturpass.venue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import lu.kulturpass.platform.words.WordBundles;
import lu.kulturpass.venue.admission.AdmissionWords;
import lu.kulturpass.venue.admission.ScannerWords;
import lu.kulturpass.venue.device.DeviceWords;
import lu.kulturpass.venue.device.VenuePageWords;
import lu.kulturpass.venue.performance.PerformanceWords;

/** venue-service's catalogues of words: its two pages' (served by /words.js) and its answers'. */
@ApplicationScoped
public class VenueCatalogue implements WordBundles {

    /** Every bundle of the service, for /words.js and the catalogue test. */
    public static final List<Class<?>> BUNDLES = List.of(SignInWords.class, ScannerWords.class, AdmissionWords.class,
            VenuePageWords.class, DeviceWords.class, PerformanceWords.class);

    @Override
    public List<Class<?>> bundles() {
        return BUNDLES;
    }
}
