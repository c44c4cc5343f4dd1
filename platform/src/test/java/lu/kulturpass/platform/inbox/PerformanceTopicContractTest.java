package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertWrittenAsBeforeAndReadWhole;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.events.PerformanceTopic.Changed;
import org.junit.jupiter.api.Test;

/** {@code kulturpass.performances}: venue-service writes (Performances); pass-service's statistics (UsageFacts) read. */
class PerformanceTopicContractTest {

    private static final UUID PERFORMANCE = UUID.fromString("5b7d9f1a-3c6e-4c8a-8f4b-6d8f0a2c4e25");
    private static final String VENUE = "7d9f1b3a-5c8e-4e0a-9b6d-8f0a2c4e6a27";

    @Test
    void everyPerformanceEventIsWrittenAsBeforeAndReadWithEveryField() {
        for (String type : Changed.TYPES) {
            assertWrittenAsBeforeAndReadWhole(
                    new Changed(PERFORMANCE, VENUE, "Don Giovanni", "2026-12-24T19:00Z", LocalDate.of(2026, 12, 24), 40, "SCHEDULED"),
                    "{\"performanceId\":\"" + PERFORMANCE + "\",\"venueId\":\"" + VENUE + "\",\"title\":\"Don Giovanni\","
                            + "\"startsAt\":\"2026-12-24T19:00Z\",\"day\":\"2026-12-24\",\"placesOffered\":40,\"status\":\"SCHEDULED\"}",
                    type, Changed.VERSION);
        }
    }

    @Test
    void aPerformanceWithOnlyItsRequiredFieldsIsReadWithoutDayOrPlaces() {
        // the statistics then take the day from startsAt, and no place offered
        Changed bare = read(Changed.SCHEDULED, 1, "{\"performanceId\":\"" + PERFORMANCE + "\",\"venueId\":\"" + VENUE + "\","
                + "\"startsAt\":\"2026-12-24T19:00Z\"}", Changed.class);
        assertEquals(PERFORMANCE, bare.performanceId());
        assertNull(bare.day());
        assertNull(bare.placesOffered());
        assertNull(bare.status());
    }

    @Test
    void aPerformanceEventOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        Changed newer = read(Changed.CHANGED, 2, "{\"performanceId\":\"" + PERFORMANCE + "\",\"venueId\":\"" + VENUE + "\","
                + "\"startsAt\":\"2026-12-24T19:00Z\",\"placesOffered\":12,\"hall\":{\"name\":\"Grande salle\"},\"ends\":\"22:00\"}",
                Changed.class);
        assertEquals(12, newer.placesOffered());
    }
}
