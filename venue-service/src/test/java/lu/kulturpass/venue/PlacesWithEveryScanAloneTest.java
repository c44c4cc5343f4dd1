package lu.kulturpass.venue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * The same rules of places and "once" with no recorder ({@code kulturpass.admission.recorders=0}): every
 * scan in its own transaction, recorded on the worker pool while the request waits on no thread.
 */
@QuarkusTest
@TestProfile(PlacesWithEveryScanAloneTest.EveryScanAlone.class)
class PlacesWithEveryScanAloneTest extends PlacesTest {

    public static class EveryScanAlone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kulturpass.admission.recorders", "0");
        }
    }
}
