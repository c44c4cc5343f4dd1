package lu.kulturpass.eligibility.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An agency worker's decision. Approving names the criterion and the evidence seen; rejecting and
 * asking for review give reason codes (the criterion and evidence, if any, are recorded too).
 */
public record DecisionRequest(@NotNull(message = "{outcomeRequired}") EnrolmentStatus outcome,
                              @Size(max = 40, message = "{criterionCodeTooLong}") String criterion,
                              @Valid Evidence evidence,
                              List<@NotNull(message = "{reasonCodeEmpty}") ReasonCode> reasonCodes) {

    /** The reference of the document seen: never the document itself. */
    public record Evidence(@NotBlank(message = "{evidenceKindRequired}") @Size(max = 100, message = "{evidenceTooLong}") String kind,
                           @NotBlank(message = "{evidenceIssuerRequired}") @Size(max = 100, message = "{evidenceTooLong}") String issuer,
                           @Size(max = 100, message = "{evidenceTooLong}") String number,
                           @NotNull(message = "{evidenceDateRequired}") @PastOrPresent(message = "{evidenceDateNotFuture}") LocalDate date) {
    }
}
