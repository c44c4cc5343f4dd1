package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassCategory;

/**
 * What an agency sends to have a pass issued. The holder is named only by the agency's pseudonymous
 * reference; initials and birth year go into the signed token for the check at the door. A collective
 * pass (for a partner association bringing a group) has a group size instead.
 */
public record IssuePassRequest(
        @NotBlank(message = "{holderRefRequired}") @Size(max = 64, message = "{holderRefRequired}") String holderRef,
        @NotNull(message = "{categoryRequired}") PassCategory category,
        @Min(value = 1, message = "{groupSizeRange}") @Max(value = 255, message = "{groupSizeRange}") Integer groupSize,
        @Pattern(regexp = "[A-Z]{2}", message = "{initialsFormat}") String initials,
        @Min(value = 1900, message = "{birthYearRange}") @Max(value = 2154, message = "{birthYearRange}") Integer birthYear) {

    /** The checks that depend on the category; a 400 naming what is missing. */
    void requireConsistent() {
        if (category == PassCategory.COLLECTIVE) {
            if (groupSize == null || groupSize < 2) {
                throw ProblemException.badRequest(Words.of(PassWords.class).collectiveGroupSize());
            }
            return;
        }
        if (groupSize != null && groupSize != 1) {
            throw ProblemException.badRequest(Words.of(PassWords.class).groupOnlyCollective());
        }
        if (initials == null || birthYear == null) {
            throw ProblemException.badRequest(Words.of(PassWords.class).identityRequired(initials == null ? "initials" : "birthYear"));
        }
    }

    int effectiveGroupSize() {
        return groupSize == null ? 1 : groupSize;
    }

    String tokenInitials() {
        return category == PassCategory.COLLECTIVE ? "--" : initials;
    }

    int tokenBirthYear() {
        return category == PassCategory.COLLECTIVE ? 0 : birthYear;
    }
}
