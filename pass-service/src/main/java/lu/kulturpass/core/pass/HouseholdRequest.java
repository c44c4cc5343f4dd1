package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassCategory;

/** One pass per member of a household, adults and children, issued together. */
public record HouseholdRequest(@NotBlank(message = "{householdRefRequired}") @Size(max = 64, message = "{householdRefRequired}") String householdRef,
                               @NotEmpty(message = "{membersCount}") @Size(max = 20, message = "{membersCount}")
                               List<@Valid IssuePassRequest> members) {

    void requireConsistent() {
        var seen = new HashSet<String>();
        for (IssuePassRequest member : members) {
            if (member == null) {
                throw ProblemException.badRequest(Words.of(PassWords.class).memberEmpty());
            }
            if (member.category() == PassCategory.COLLECTIVE) {
                throw ProblemException.badRequest(Words.of(PassWords.class).memberCollective());
            }
            member.requireConsistent();
            if (!seen.add(member.holderRef())) {
                throw ProblemException.badRequest(Words.of(PassWords.class).memberTwice(member.holderRef()));
            }
        }
    }
}
