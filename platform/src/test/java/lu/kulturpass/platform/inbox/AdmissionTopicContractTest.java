package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertWrittenAsBeforeAndReadWhole;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import lu.kulturpass.events.AdmissionTopic.Scanned;
import lu.kulturpass.events.AdmissionTopic.Undone;
import org.junit.jupiter.api.Test;

/** {@code kulturpass.admissions}: venue-service writes (AdmissionEvents); pass-service's statistics read (AdmissionTally, UsageFacts). */
class AdmissionTopicContractTest {

    private static final UUID ADMISSION = UUID.fromString("0b6c1b9e-43c2-4b0e-9d53-3f0d7a1e2c11");
    private static final UUID AGREEMENT = UUID.fromString("5a1f7c3e-8d2b-4e6a-b1c9-2f4e6d8a0b13");
    private static final UUID PERFORMANCE = UUID.fromString("7c3e9a5b-1d4f-4a2e-8b6c-0e2a4c6e8f15");
    private static final UUID DEVICE = UUID.fromString("9e5b1c7d-3f6a-4c4e-a8d0-2b4d6f8a0c17");
    private static final String VENUE = "3f2a8c4e-6b1d-4e9a-9c7b-5d3e1f0a2b19";

    @Test
    void anAdmissionIsWrittenAsBeforeAndReadWithEveryField() {
        Scanned scanned = new Scanned(ADMISSION, VENUE, 123456789L, "VALID", "ADULT", 2, AGREEMENT, "12.50", "box-office-1",
                "2026-12-07T19:30:01.123456Z", PERFORMANCE, "door-2", true, true, true);
        String before = "{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\",\"passId\":123456789,\"reason\":\"VALID\","
                + "\"category\":\"ADULT\",\"groupSize\":2,\"agreementId\":\"" + AGREEMENT + "\",\"price\":\"12.50\","
                + "\"scannedBy\":\"box-office-1\",\"scannedAt\":\"2026-12-07T19:30:01.123456Z\",\"performanceId\":\"" + PERFORMANCE
                + "\",\"device\":\"door-2\",\"pairedDevice\":true,\"offline\":true,\"doubleUse\":true}";
        assertWrittenAsBeforeAndReadWhole(scanned, before, Scanned.RECORDED, Scanned.VERSION);
        assertEquals(scanned, read(Scanned.REFUSED, Scanned.VERSION, before, Scanned.class));
    }

    @Test
    void aRefusalOfAnUnreadableCardWritesItsMissingFieldsAsNulls() {
        assertEquals("{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\",\"passId\":null,\"reason\":\"FORGED\","
                        + "\"category\":null,\"groupSize\":null,\"agreementId\":null,\"price\":null,\"scannedBy\":\"box-office-1\","
                        + "\"scannedAt\":\"2026-12-07T19:30Z\",\"performanceId\":null,\"device\":null,\"pairedDevice\":false,"
                        + "\"offline\":false,\"doubleUse\":false}",
                written(new Scanned(ADMISSION, VENUE, null, "FORGED", null, null, null, null, "box-office-1", "2026-12-07T19:30Z", null,
                        null, false, false, false)));
    }

    @Test
    void anAdmissionAsTheFirstReleaseWroteItIsReadAsOnePersonAtNoPriceAndNoDoubleUse() {
        // the first admission events carried only these (venue-service's AdmissionDesk of November 2026)
        Scanned first = read(Scanned.RECORDED, 1, "{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\","
                + "\"passId\":42,\"reason\":\"VALID\",\"scannedBy\":\"box-office-1\",\"scannedAt\":\"2026-11-21T07:49:44Z\"}", Scanned.class);
        assertEquals(42L, first.passId());
        assertEquals("2026-11-21T07:49:44Z", first.scannedAt());
        assertEquals(1, first.people());
        assertNull(first.price());
        assertNull(first.performanceId());
        assertFalse(first.doubleUse());
        assertFalse(first.offline());
    }

    @Test
    void anAdmissionOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        // a rolling upgrade: venue-service already writes version 2 (new fields, a nested object)
        Scanned newer = read(Scanned.RECORDED, 2, "{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\",\"passId\":42,"
                + "\"scannedAt\":\"2026-12-07T19:30:01Z\",\"seat\":{\"row\":\"B\",\"number\":12},\"channel\":\"kiosk\"}", Scanned.class);
        assertEquals(ADMISSION, newer.admissionId());
        assertEquals(42L, newer.passId());
    }

    @Test
    void anUndoIsWrittenAsBeforeAndReadWithEveryField() {
        assertWrittenAsBeforeAndReadWhole(
                new Undone(ADMISSION, VENUE, 42L, PERFORMANCE, "manager-1", DEVICE, "2026-12-07T19:35:00.5Z", "wrong person",
                        "2026-12-07T19:30:01Z"),
                "{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\",\"passId\":42,\"performanceId\":\"" + PERFORMANCE
                        + "\",\"undoneBy\":\"manager-1\",\"undoneOnDevice\":\"" + DEVICE + "\",\"undoneAt\":\"2026-12-07T19:35:00.5Z\","
                        + "\"reason\":\"wrong person\",\"scannedAt\":\"2026-12-07T19:30:01Z\"}",
                Undone.TYPE, Undone.VERSION);
    }

    @Test
    void anUndoAsTheFirstReleaseWroteItWithoutItsScanTimeIsRead() {
        // before the undo said when the admission was scanned, or on which paired device it was undone
        Undone first = read(Undone.TYPE, 1, "{\"admissionId\":\"" + ADMISSION + "\",\"venueId\":\"" + VENUE + "\",\"passId\":42,"
                + "\"performanceId\":null,\"undoneBy\":\"manager-1\",\"undoneAt\":\"2026-11-21T20:00:00Z\",\"reason\":\"mistake\"}",
                Undone.class);
        assertEquals(new Undone(ADMISSION, VENUE, 42L, null, "manager-1", null, "2026-11-21T20:00:00Z", "mistake", null), first);
    }
}
