package lu.kulturpass.venue.admission;

import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;

/** What the rules decide for one scan of a batch ({@link AdmissionRules#decide}). */
sealed interface Decision {

    /** Record this row, an admission or a refusal; the answer shows this card. */
    record Record(Admission admission, Card card) implements Decision {
    }

    /** The scan's nonce was answered before: the answer is that first one, if it was for the same pass and performance. */
    record AnsweredBefore(UUID admissionId) implements Decision {
    }

    /** The scan is not the caller's to make (a venue the partner topic never named, another venue's performance): 403, nothing recorded. */
    record NotTheCallers(ProblemException refusal) implements Decision {
    }

    /**
     * The other scans of its batch keep this one from being settled with them (its nonce or its pass twice in the
     * batch, fewer places left than the batch asks): it is decided again, alone. Never the decision for a batch of one.
     */
    record Alone(String why) implements Decision {
    }
}
