package lu.kulturpass.core.pass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassCategory;

/** One pass per member of a household, adults and children, issued together. */
public record HouseholdRequest(@NotBlank @Size(max = 64) String householdRef,
                               @NotEmpty @Size(max = 20) List<@Valid IssuePassRequest> members) {

    void requireConsistent() {
        var seen = new HashSet<String>();
        for (IssuePassRequest member : members) {
            if (member == null) {
                throw ProblemException.badRequest("members: an entry is empty");
            }
            if (member.category() == PassCategory.COLLECTIVE) {
                throw ProblemException.badRequest("members: a household has adults and children, not a collective pass");
            }
            member.requireConsistent();
            if (!seen.add(member.holderRef())) {
                throw ProblemException.badRequest("members: holderRef " + member.holderRef() + " appears twice");
            }
        }
    }
}
