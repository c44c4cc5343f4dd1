package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
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
public record HouseholdBatch(@NotEmpty(message = "{householdsCount}") @Size(max = 200, message = "{householdsCount}")
                             List<@Valid @NotNull(message = "{householdEntryRequired}") Entry> households) {

    public record Entry(@NotBlank(message = "{idempotencyKeyRequired}") @Size(max = 100, message = "{idempotencyKeyRequired}") String idempotencyKey,
                        @Valid @NotNull(message = "{householdBodyMissing}") HouseholdRequest household) {
    }

    /** What each household got, in the order sent. */
    public record Issued(String idempotencyKey, List<PassView> passes) {
    }

    void requireConsistent() {
        var keys = new HashSet<String>();
        for (int i = 0; i < households.size(); i++) {
            if (!keys.add(households.get(i).idempotencyKey())) {
                throw ProblemException.badRequest(Words.of(PassWords.class).idempotencyKeyTwice(String.valueOf(i)));
            }
            households.get(i).household().requireConsistent();
        }
    }
}
