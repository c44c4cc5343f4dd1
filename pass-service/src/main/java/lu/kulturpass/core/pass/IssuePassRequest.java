package lu.kulturpass.core.pass;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lu.kulturpass.token.PassCategory;

/**
 * What an agency sends to have a pass issued. The holder is named only by the agency's pseudonymous
 * reference; initials and birth year go into the signed token for the check at the door.
 */
public record IssuePassRequest(
        @NotBlank @Size(max = 64) String holderRef,
        @NotNull PassCategory category,
        @Min(1) @Max(255) Integer groupSize,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be two capital letters A-Z") String initials,
        @NotNull @Min(1900) @Max(2154) Integer birthYear) {
}
