package lu.kulturpass.eligibility.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Renewal checks the evidence again: the criterion met today and a proof that still counts. */
public record RenewalRequest(@Size(max = 40) String criterion,
                             @Valid @NotNull(message = "renewal checks the evidence again: give the proof seen") DecisionRequest.Evidence evidence) {
}
