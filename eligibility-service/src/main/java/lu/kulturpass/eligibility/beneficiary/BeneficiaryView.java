package lu.kulturpass.eligibility.beneficiary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A beneficiary as their agency sees them, with their pass once approved. */
public record BeneficiaryView(UUID id, String firstName, String lastName, LocalDate birthDate, EnrolmentStatus status,
                              Long passId, String passNumber, String qrCode, OffsetDateTime enrolledAt,
                              OffsetDateTime decidedAt) {

    static BeneficiaryView of(Beneficiary b, String passServiceUrl) {
        return new BeneficiaryView(b.id, b.firstName, b.lastName, b.birthDate, b.status, b.passId, b.passNumber,
                b.passId == null ? null : passServiceUrl + "/passes/" + b.passId + "/qr.png", b.enrolledAt, b.decidedAt);
    }
}
