package lu.kulturpass.venue.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lu.kulturpass.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * A scan recorded alone is decided again, on fresh facts, each time it loses a race with another door, a bounded number
 * of times: then the door gets a 503 and sends the scan again with the same nonce. (The races themselves, against
 * PostgreSQL: PlacesTest, PlacesWithEveryScanAloneTest.)
 */
class LostRacesTest {

    private static final AdmissionDesk.Decided ADMITTED = new AdmissionDesk.Decided(new Admission(), Card.ofCode("0"));

    /** Attempts that settle as given, in order, counting how many were made. */
    private static final class Attempts {
        final AtomicInteger made = new AtomicInteger();
        final Deque<Settled> outcomes;

        Attempts(Settled... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        Settled next() {
            made.incrementAndGet();
            return outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
        }
    }

    @Test
    void aScanThatLostARaceIsDecidedAgainAndGetsTheAnswerOfTheAttemptThatSettlesIt() {
        Attempts attempts = new Attempts(new Settled.Again("places taken meanwhile"), new Settled.Answered(ADMITTED));

        assertSame(ADMITTED, AdmissionDesk.untilSettled(attempts::next));
        assertEquals(2, attempts.made.get());
    }

    @Test
    void aScanThatLosesEveryRaceIsTriedAtMostThreeTimesThenAnswered503() {
        Attempts attempts = new Attempts(new Settled.Again("the pass admitted at another door meanwhile"));

        ProblemException busy = assertThrows(ProblemException.class, () -> AdmissionDesk.untilSettled(attempts::next));

        assertEquals(503, busy.toProblem().status());
        assertEquals("Other doors are scanning the same passes or performance at this moment: scan again", busy.getMessage());
        assertEquals(AdmissionDesk.ATTEMPTS, attempts.made.get());
        assertEquals(3, AdmissionDesk.ATTEMPTS);
    }

    @Test
    void aRefusalEndsTheAttemptsAtOnce() {
        ProblemException notYours = ProblemException.forbidden("not your venue");
        Attempts attempts = new Attempts(new Settled.Refused(notYours), new Settled.Answered(ADMITTED));

        assertSame(notYours, assertThrows(ProblemException.class, () -> AdmissionDesk.untilSettled(attempts::next)));
        assertEquals(1, attempts.made.get());
    }
}
