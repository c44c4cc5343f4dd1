package lu.kulturpass.eligibility.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lu.kulturpass.eligibility.words.AgencyWords;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.words.Words;

/**
 * Where a household's enrolment stands, as an explicit state machine:
 * DRAFT → SUBMITTED → APPROVED / REJECTED / NEEDS_REVIEW; NEEDS_REVIEW → APPROVED / REJECTED;
 * APPROVED → EXPIRED (by date). An APPROVED or EXPIRED enrolment is renewed (evidence checked again),
 * which keeps or makes it APPROVED with a new validity.
 */
public enum EnrolmentStatus {
    DRAFT,
    SUBMITTED,
    NEEDS_REVIEW,
    APPROVED,
    REJECTED,
    EXPIRED;

    public Set<EnrolmentStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SUBMITTED);
            case SUBMITTED -> Set.of(APPROVED, REJECTED, NEEDS_REVIEW);
            case NEEDS_REVIEW -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(EXPIRED);
            case REJECTED, EXPIRED -> Set.of();
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    public boolean renewable() {
        return this == APPROVED || this == EXPIRED;
    }

    /** What an agency worker may ask for next, in the caller's words ("nothing" when nothing is). */
    public String allowedMovesInWords() {
        AgencyWords words = Words.of(AgencyWords.class);
        List<String> moves = allowedMoves().stream()
                .map(move -> move.equals("RENEW") ? words.renew() : words.enrolmentStatus(valueOf(move))).toList();
        return moves.isEmpty() ? Words.of(RefusalWords.class).nothingAllowed() : String.join(", ", moves);
    }

    /** What an agency worker may ask for next, in the words of the API: target states and RENEW. */
    public List<String> allowedMoves() {
        List<String> moves = new ArrayList<>();
        for (EnrolmentStatus target : values()) {
            if (canMoveTo(target) && target != EXPIRED) {
                moves.add(target.name());
            }
        }
        if (renewable()) {
            moves.add("RENEW");
        }
        return moves;
    }
}
