package lu.kulturpass.eligibility.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A household to enrol: its members (adults and children) and the two categories statistics use.
 * Only what the work needs: names and birth dates for the card and the check at the door.
 */
public record EnrolRequest(@NotEmpty(message = "list at least one household member")
                           @Size(max = 10, message = "a household has at most 10 members (one card sheet); enrol larger ones in two")
                           List<@Valid @NotNull(message = "a member is empty") Member> members,
                           HouseholdSituation householdSituation,
                           @Size(max = 100) String municipality,
                           boolean draft) {

    public record Member(@NotBlank @Size(max = 100) String firstName,
                         @NotBlank @Size(max = 100) String lastName,
                         @NotNull @Past LocalDate birthDate) {
    }
}
