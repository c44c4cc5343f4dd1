package lu.kulturpass.core.pass;

/** Why a pass changed standing: codes, so that no free text about a person is needed. */
public enum TransitionReason {
    LOST,
    STOLEN,
    DAMAGED,
    HOLDER_REQUEST,
    ELIGIBILITY_ENDED,
    MISUSE,
    ISSUED_IN_ERROR,
    DOUBT_CLEARED,
    RENEWAL,
    VALIDITY_ENDED,
    /** The holder's personal data was erased in eligibility-service (GDPR art. 17): the card admits no more. */
    HOLDER_ERASED,
    OTHER;

    /** Whether staff may give this reason; the others are the system's own (a pass's end date, an erasure). */
    public boolean requestable() {
        return this != VALIDITY_ENDED && this != HOLDER_ERASED;
    }
}
