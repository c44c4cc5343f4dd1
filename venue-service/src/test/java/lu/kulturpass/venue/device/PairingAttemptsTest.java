package lu.kulturpass.venue.device;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Refused setup codes from one address are limited to 20 a minute; other addresses and the next minute are not held up. */
class PairingAttemptsTest {

    @Test
    void anAddressRefusedTwentyTimesInAMinuteWaitsForTheNextMinuteAndOthersDoNot() {
        AtomicLong now = new AtomicLong(60_000L * 1000);
        PairingAttempts attempts = new PairingAttempts(now::get);
        for (int i = 0; i < PairingAttempts.REFUSALS_PER_MINUTE; i++) {
            assertDoesNotThrow(() -> attempts.allow("10.0.0.1"));
            attempts.refused("10.0.0.1");
        }
        ProblemException tooMany = assertThrows(ProblemException.class, () -> attempts.allow("10.0.0.1"));
        assertEquals(429, tooMany.toProblem().status());
        assertDoesNotThrow(() -> attempts.allow("10.0.0.2"), "another address");
        now.addAndGet(60_000);
        assertDoesNotThrow(() -> attempts.allow("10.0.0.1"), "the next minute");
    }
}
