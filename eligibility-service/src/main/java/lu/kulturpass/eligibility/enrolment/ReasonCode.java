package lu.kulturpass.eligibility.enrolment;

/** Why a decision went the way it did: codes, so that no free text about a person is needed. */
public enum ReasonCode {
    CRITERION_MET,
    EVIDENCE_MISSING,
    EVIDENCE_EXPIRED,
    EVIDENCE_UNREADABLE,
    CRITERION_NOT_MET,
    INCOME_ABOVE_LIMIT,
    NOT_RESIDENT,
    ALREADY_ENROLLED_ELSEWHERE,
    IDENTITY_TO_CHECK,
    RENEWAL,
    HOLDER_REQUEST,
    OTHER
}
