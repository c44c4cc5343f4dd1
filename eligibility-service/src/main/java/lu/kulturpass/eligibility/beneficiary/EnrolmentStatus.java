package lu.kulturpass.eligibility.beneficiary;

import java.util.Set;

/**
 * Where an enrolment stands. For now an agency submits and approves; review, rejection, expiry and
 * renewal join this machine with the enrolment work.
 */
public enum EnrolmentStatus {
    SUBMITTED,
    APPROVED;

    public Set<EnrolmentStatus> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(APPROVED);
            case APPROVED -> Set.of();
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }
}
