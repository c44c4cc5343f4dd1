package lu.kulturpass.platform.programme;

/**
 * The household situations people are enrolled in and statistics are broken down by (a category, never a name): the
 * programme's vocabulary, shared by the agency page and the audit page, said in words by {@link ProgrammeWords}.
 */
public enum HouseholdSituation {
    SINGLE_ADULT,
    SINGLE_PARENT,
    COUPLE_WITHOUT_CHILDREN,
    COUPLE_WITH_CHILDREN,
    OTHER
}
