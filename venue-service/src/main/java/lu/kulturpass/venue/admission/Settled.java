package lu.kulturpass.venue.admission;

import lu.kulturpass.platform.problem.ProblemException;

/** How a scan left a recording ({@link Recorder}): answered, refused with a problem, or to be recorded again, alone. */
sealed interface Settled {

    /** The scan's answer, recorded now or given before to its nonce. */
    record Answered(AdmissionDesk.Decided decided) implements Settled {
    }

    /** Not the caller's scan (403), or a nonce already used for another pass or performance (409): nothing recorded. */
    record Refused(ProblemException problem) implements Settled {
    }

    /**
     * Not settled this time: its batch could not settle it, the batch's statement failed, or a race with another door
     * was lost. Recorded again, alone, on fresh facts ({@link AdmissionDesk}).
     */
    record Again(String why) implements Settled {
    }
}
