package lu.kulturpass.core.pass;

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
        @NotBlank @Size(max = 64) String holderRef,
        @NotNull PassCategory category,
        @Min(1) @Max(255) Integer groupSize,
        @Pattern(regexp = "[A-Z]{2}", message = "must be two capital letters A-Z") String initials,
        @Min(1900) @Max(2154) Integer birthYear) {

    /** The checks that depend on the category; a 400 naming what is missing. */
    void requireConsistent() {
        if (category == PassCategory.COLLECTIVE) {
            if (groupSize == null || groupSize < 2) {
                throw ProblemException.badRequest("groupSize: a collective pass is for a group of 2 to 255 people");
            }
            return;
        }
        if (groupSize != null && groupSize != 1) {
            throw ProblemException.badRequest("groupSize: only a collective pass admits a group");
        }
        if (initials == null || birthYear == null) {
            throw ProblemException.badRequest((initials == null ? "initials" : "birthYear")
                    + ": must not be null (the box office compares it with the ID document)");
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
