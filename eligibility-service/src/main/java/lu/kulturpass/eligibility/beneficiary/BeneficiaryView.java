package lu.kulturpass.eligibility.beneficiary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A beneficiary as their agency sees them: their household's enrolment status and their pass once approved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BeneficiaryView(UUID id, UUID enrolmentId, String firstName, String lastName, LocalDate birthDate, String status,
                              boolean enrolledElsewhere, Long passId, String passNumber, String qrCode, LocalDate validUntil,
                              OffsetDateTime enrolledAt) {

    public static BeneficiaryView of(Beneficiary b, String status, LocalDate validUntil, String passServiceUrl) {
        return new BeneficiaryView(b.id, b.enrolmentId, b.firstName, b.lastName, b.birthDate, status, b.enrolledElsewhere,
                b.passId, b.passNumber, b.passId == null ? null : passServiceUrl + "/passes/" + b.passId + "/qr.png", validUntil,
                b.enrolledAt);
    }
}
