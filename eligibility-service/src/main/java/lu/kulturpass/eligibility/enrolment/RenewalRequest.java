package lu.kulturpass.eligibility.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Renewal checks the evidence again: the criterion met today and a proof that still counts. */
public record RenewalRequest(@Size(max = 40, message = "{criterionCodeTooLong}") String criterion,
                             @Valid @NotNull(message = "{renewalEvidenceRequired}") DecisionRequest.Evidence evidence) {
}
