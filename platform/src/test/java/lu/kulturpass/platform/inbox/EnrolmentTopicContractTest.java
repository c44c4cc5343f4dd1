package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertWrittenAsBeforeAndReadWhole;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.events.EnrolmentTopic.Changed;
import org.junit.jupiter.api.Test;

/**
 * {@code kulturpass.enrolments}: eligibility-service writes (EnrolmentEvents); pass-service's statistics (UsageFacts) and its
 * erasure of holder checks (HolderErasure) read.
 */
class EnrolmentTopicContractTest {

    private static final UUID MEMBER = UUID.fromString("1d3f5b7a-9c2e-4f6a-8b0d-2e4f6a8c0b21");
    private static final UUID ENROLMENT = UUID.fromString("3f5b7d9a-1c4e-4a6c-9d2f-4b6d8f0a2c23");

    @Test
    void everyEnrolmentEventIsWrittenAsBeforeAndReadWithEveryField() {
        for (String type : Changed.TYPES) {
            assertWrittenAsBeforeAndReadWhole(
                    new Changed(MEMBER, ENROLMENT, "agency-1", "26-64", "ADULT", "SINGLE_PARENT", "Esch-sur-Alzette", 123456789L,
                            LocalDate.of(2027, 11, 30)),
                    "{\"beneficiaryId\":\"" + MEMBER + "\",\"enrolmentId\":\"" + ENROLMENT + "\",\"agencyId\":\"agency-1\","
                            + "\"ageBand\":\"26-64\",\"category\":\"ADULT\",\"householdSituation\":\"SINGLE_PARENT\","
                            + "\"municipality\":\"Esch-sur-Alzette\",\"passId\":123456789,\"validUntil\":\"2027-11-30\"}",
                    type, Changed.VERSION);
        }
    }

    @Test
    void whatTheMemberOrEnrolmentLacksIsLeftOutAndReadAsNull() {
        Changed submitted = new Changed(MEMBER, ENROLMENT, "agency-1", null, null, null, null, null, null);
        String data = written(submitted);
        assertEquals("{\"beneficiaryId\":\"" + MEMBER + "\",\"enrolmentId\":\"" + ENROLMENT + "\",\"agencyId\":\"agency-1\"}", data);
        assertEquals(submitted, read(Changed.SUBMITTED, 1, data, Changed.class));
    }

    @Test
    void anEnrolmentEventOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        Changed newer = read(Changed.APPROVED, 2, "{\"beneficiaryId\":\"" + MEMBER + "\",\"agencyId\":\"agency-1\","
                + "\"ageBand\":\"0-17\",\"school\":{\"level\":\"primary\"},\"language\":\"lb\"}", Changed.class);
        assertEquals(new Changed(MEMBER, null, "agency-1", "0-17", null, null, null, null, null), newer);
    }

    @Test
    void anErasureWithoutItsAgencyIsADeadLetter() {
        assertThrows(IncomingEvent.UnreadableEventException.class,
                () -> read(Changed.ERASED, 1, "{\"beneficiaryId\":\"" + MEMBER + "\"}", Changed.class));
    }
}
