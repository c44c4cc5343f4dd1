package lu.kulturpass.eligibility.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import lu.kulturpass.platform.programme.HouseholdSituation;

/**
 * A household to enrol: its members (adults and children) and the two categories statistics use.
 * Only what the work needs: names and birth dates for the card and the check at the door.
 */
public record EnrolRequest(@NotEmpty(message = "{membersRequired}")
                           @Size(max = 10, message = "{membersAtMostTen}")
                           List<@Valid @NotNull(message = "{memberEmpty}") Member> members,
                           HouseholdSituation householdSituation,
                           @Size(max = 100, message = "{municipalityTooLong}") String municipality,
                           boolean draft) {

    public record Member(@NotBlank(message = "{firstNameRequired}") @Size(max = 100, message = "{nameTooLong}") String firstName,
                         @NotBlank(message = "{lastNameRequired}") @Size(max = 100, message = "{nameTooLong}") String lastName,
                         @NotNull(message = "{birthDateRequired}") @Past(message = "{birthDateInThePast}") LocalDate birthDate) {
    }
}
