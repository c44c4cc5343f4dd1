package lu.kulturpass.venue.admission;

import lu.kulturpass.token.TokenRejection;

/**
 * Why a scan ends as it does. The sentence box-office staff read out or show is {@link AdmissionWords#reason}, in the
 * caller's language online and on the scanner page offline. Nothing here says why someone holds a pass.
 */
public enum Reason {
    VALID,
    NOT_A_KULTURPASS,
    DAMAGED_CODE,
    UNKNOWN_KEY,
    FORGED,
    NOT_YET_VALID,
    EXPIRED,
    SUSPENDED,
    REVOKED,
    REPLACED,
    NO_AGREEMENT,
    CATEGORY_NOT_ACCEPTED,
    ALREADY_ADMITTED,
    ALREADY_ADMITTED_TODAY,
    SOLD_OUT,
    PERFORMANCE_REQUIRED,
    UNKNOWN_PERFORMANCE,
    PERFORMANCE_CANCELLED,
    PERFORMANCE_NOT_TODAY,
    UNKNOWN_CODE,
    REFUSED_OFFLINE;

    /** Whether this reason is the "already used" rule (per performance or per day). */
    public boolean alreadyUsed() {
        return this == ALREADY_ADMITTED || this == ALREADY_ADMITTED_TODAY;
    }

    static Reason of(TokenRejection rejection) {
        return switch (rejection) {
            case EMPTY, UNKNOWN_VERSION, NOT_ENCODED -> NOT_A_KULTURPASS;
            case WRONG_LENGTH, BAD_CONTENT -> DAMAGED_CODE;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> FORGED;
        };
    }

    /** The refusal for a pass's standing in the local copy of pass events; null when it admits. */
    static Reason ofStanding(String status) {
        return switch (status) {
            case "SUSPENDED" -> SUSPENDED;
            case "REVOKED" -> REVOKED;
            case "REPLACED" -> REPLACED;
            case "EXPIRED" -> EXPIRED;
            default -> null;
        };
    }
}
