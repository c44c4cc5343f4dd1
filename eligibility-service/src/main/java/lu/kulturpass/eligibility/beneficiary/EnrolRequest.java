package lu.kulturpass.eligibility.beneficiary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Who an agency enrols: only what the work needs. */
public record EnrolRequest(@NotBlank @Size(max = 100) String firstName,
                           @NotBlank @Size(max = 100) String lastName,
                           @NotNull @Past LocalDate birthDate) {
}
