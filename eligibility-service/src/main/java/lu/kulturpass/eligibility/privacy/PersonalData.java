package lu.kulturpass.eligibility.privacy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.enrolment.EnrolmentView;

/**
 * Everything this service holds about one person (GDPR art. 15): who they are, their household's
 * enrolment with every decision (criterion and the evidence reference), their pass, and who viewed
 * or printed their data. Other services hold only the pseudonymous id.
 */
public record PersonalData(UUID beneficiaryId, String firstName, String lastName, LocalDate birthDate, String agencyId,
                           OffsetDateTime enrolledAt, String enrolledBy, Long passId, String passNumber,
                           boolean enrolledElsewhere, EnrolmentView enrolment, List<View> views, String otherServices) {

    public record View(String viewer, String action, OffsetDateTime at) {
    }
}
