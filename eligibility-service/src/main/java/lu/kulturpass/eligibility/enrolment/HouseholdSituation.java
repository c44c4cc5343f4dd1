package lu.kulturpass.eligibility.enrolment;

/** The household situations statistics are broken down by (a category, never a name). */
public enum HouseholdSituation {
    SINGLE_ADULT,
    SINGLE_PARENT,
    COUPLE_WITHOUT_CHILDREN,
    COUPLE_WITH_CHILDREN,
    OTHER
}
