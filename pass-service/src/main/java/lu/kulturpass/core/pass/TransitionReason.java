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
    OTHER
}
