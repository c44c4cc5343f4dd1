package lu.kulturpass.core.pass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import lu.kulturpass.platform.problem.ProblemException;

/**
 * Many households issued in one request and one transaction (an agency's imported list): each with
 * its own idempotency key, so a retry returns the passes issued the first time.
 */
public record HouseholdBatch(@NotEmpty @Size(max = 200, message = "send 1 to 200 households per request")
                             List<@Valid @NotNull Entry> households) {

    public record Entry(@NotBlank @Size(max = 100) String idempotencyKey, @Valid @NotNull HouseholdRequest household) {
    }

    /** What each household got, in the order sent. */
    public record Issued(String idempotencyKey, List<PassView> passes) {
    }

    void requireConsistent() {
        var keys = new HashSet<String>();
        for (int i = 0; i < households.size(); i++) {
            if (!keys.add(households.get(i).idempotencyKey())) {
                throw ProblemException.badRequest("households[" + i + "].idempotencyKey appears twice");
            }
            households.get(i).household().requireConsistent();
        }
    }
}
