package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertWrittenAsBeforeAndReadWhole;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.events.PassTopic.HolderCheckRemoved;
import lu.kulturpass.events.PassTopic.Issued;
import lu.kulturpass.events.PassTopic.StatusChanged;
import org.junit.jupiter.api.Test;

/**
 * {@code kulturpass.passes}: pass-service writes (PassIssuer, PassLifecycle, HolderCheckRemoval); venue-service's
 * PassEvents (pass standing) and pass-service's statistics (UsageFacts) read.
 */
class PassTopicContractTest {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 11, 30);

    @Test
    void anIssuedPassIsWrittenAsBeforeAndReadWithEveryField() {
        assertWrittenAsBeforeAndReadWhole(
                new Issued(123456789L, "KP-123-456-789", "agency-1", "holder-1", "household-1", "ADULT", 3, FROM, UNTIL, 4, 987654321L),
                "{\"passId\":123456789,\"number\":\"KP-123-456-789\",\"agencyId\":\"agency-1\",\"holderRef\":\"holder-1\","
                        + "\"householdRef\":\"household-1\",\"category\":\"ADULT\",\"groupSize\":3,\"validFrom\":\"2026-12-01\","
                        + "\"validUntil\":\"2027-11-30\",\"keyId\":4,\"replacesPassId\":987654321}",
                Issued.TYPE, Issued.VERSION);
    }

    @Test
    void aFirstPassOfNoHouseholdStillSaysSoWithNulls() {
        assertEquals("{\"passId\":1,\"number\":\"KP-1\",\"agencyId\":\"a\",\"holderRef\":\"h\",\"householdRef\":null,"
                        + "\"category\":\"CHILD\",\"groupSize\":1,\"validFrom\":\"2026-12-01\",\"validUntil\":\"2027-11-30\",\"keyId\":1,"
                        + "\"replacesPassId\":null}",
                written(new Issued(1L, "KP-1", "a", "h", null, "CHILD", 1, FROM, UNTIL, 1, null)));
    }

    @Test
    void anIssuedPassWithOnlyItsRequiredFieldsIsReadAsAdmittingOnePerson() {
        Issued issued = read(Issued.TYPE, 1, "{\"passId\":7,\"category\":\"ADULT\"}", Issued.class);
        assertEquals(7L, issued.passId());
        assertEquals(1, issued.people());
        assertNull(issued.agencyId());
        assertNull(issued.validFrom());
        assertNull(issued.replacesPassId());
    }

    @Test
    void everyMoveInAPassLifecycleIsWrittenAsBeforeAndReadWithEveryField() {
        for (String type : StatusChanged.TYPES) {
            assertWrittenAsBeforeAndReadWhole(new StatusChanged(5L, "agency-1", "ACTIVE", "REVOKED", "LOST", FROM, UNTIL, 6L),
                    "{\"passId\":5,\"agencyId\":\"agency-1\",\"from\":\"ACTIVE\",\"to\":\"REVOKED\",\"reason\":\"LOST\","
                            + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"2027-11-30\",\"replacedByPassId\":6}",
                    type, StatusChanged.VERSION);
        }
    }

    @Test
    void aMoveWithoutAReplacementLeavesTheReplacementOut() {
        assertEquals("{\"passId\":5,\"agencyId\":\"a\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\",\"reason\":\"OTHER\","
                        + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"2027-11-30\"}",
                written(new StatusChanged(5L, "a", "ACTIVE", "SUSPENDED", "OTHER", FROM, UNTIL, null)));
    }

    @Test
    void aMoveOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        // as venue-service's PassStandingTest sends it: a new field and a new nested object
        StatusChanged moved = read(StatusChanged.type("suspended"), 2, "{\"passId\":5,\"agencyId\":\"a-1\",\"from\":\"ACTIVE\","
                + "\"to\":\"SUSPENDED\",\"reason\":\"OTHER\",\"reasonDetail\":{\"code\":\"HOLDER_MOVED\",\"since\":\"2030-01-01\"},"
                + "\"channel\":\"kiosk\",\"validFrom\":\"2026-12-01\",\"validUntil\":\"2027-11-30\"}", StatusChanged.class);
        assertEquals(new StatusChanged(5L, "a-1", "ACTIVE", "SUSPENDED", "OTHER", FROM, UNTIL, null), moved);
    }

    @Test
    void aRemovedHolderCheckIsWrittenAsBeforeAndReadWithEveryField() {
        assertWrittenAsBeforeAndReadWhole(new HolderCheckRemoved(5L, "agency-1", "holder-erased", UNTIL),
                "{\"passId\":5,\"agencyId\":\"agency-1\",\"because\":\"holder-erased\",\"validUntil\":\"2027-11-30\"}",
                HolderCheckRemoved.TYPE, HolderCheckRemoved.VERSION);
    }

    @Test
    void aPassEventWithoutItsPassIsADeadLetterNotAPassZero() {
        assertThrows(IncomingEvent.UnreadableEventException.class,
                () -> read(PassTopic.StatusChanged.type("revoked"), 1, "{\"agencyId\":\"a\",\"to\":\"REVOKED\"}", StatusChanged.class));
    }
}
