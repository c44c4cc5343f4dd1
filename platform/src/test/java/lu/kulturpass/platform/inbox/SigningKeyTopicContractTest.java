package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.SERVICE_JSON;
import static lu.kulturpass.platform.inbox.EventContract.assertEveryFieldSet;
import static lu.kulturpass.platform.inbox.EventContract.assertWrittenAsBeforeAndReadWhole;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import lu.kulturpass.events.SigningKeyTopic.Activated;
import lu.kulturpass.events.SigningKeyTopic.Retired;
import org.junit.jupiter.api.Test;

/** {@code kulturpass.signing-keys}: pass-service writes (SigningKeys); venue-service's SigningKeyEvents (verification keys) read. */
class SigningKeyTopicContractTest {

    @Test
    void anActivatedKeyIsWrittenAsBeforeAndReadWithEveryField() {
        assertWrittenAsBeforeAndReadWhole(new Activated(3, "Ed25519", "MCowBQYDK2VwAyEAb3c=", "2026-12-07T18:02:03.456789Z"),
                "{\"keyId\":3,\"algorithm\":\"Ed25519\",\"publicKey\":\"MCowBQYDK2VwAyEAb3c=\","
                        + "\"activatedAt\":\"2026-12-07T18:02:03.456789Z\"}",
                Activated.TYPE, Activated.VERSION);
    }

    @Test
    void aRetiredKeyIsWrittenWithTheFieldsItHadAndReadWithEveryField() throws JsonProcessingException {
        Retired retired = new Retired(3, "2026-12-07T18:02Z", "staff-1");
        assertEveryFieldSet(retired);
        String data = written(retired);
        // it was written from an unordered map: the same fields and values, in whatever order
        assertEquals(SERVICE_JSON.readTree("{\"retiredBy\":\"staff-1\",\"keyId\":3,\"retiredAt\":\"2026-12-07T18:02Z\"}"),
                SERVICE_JSON.readTree(data));
        assertEquals(retired, read(Retired.TYPE, Retired.VERSION, data, Retired.class));
    }

    @Test
    void anActivatedKeyOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        Activated newer = read(Activated.TYPE, 2, "{\"keyId\":4,\"algorithm\":\"Ed25519\",\"publicKey\":\"AAAA\","
                + "\"activatedAt\":\"2026-12-07T18:02Z\",\"expiresAt\":\"2029-12-07T18:02Z\",\"hsm\":{\"slot\":2}}", Activated.class);
        assertEquals(new Activated(4, "Ed25519", "AAAA", "2026-12-07T18:02Z"), newer);
    }
}
