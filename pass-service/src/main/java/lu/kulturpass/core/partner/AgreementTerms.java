package lu.kulturpass.core.partner;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassCategory;

/**
 * The terms of an agreement as programme staff enter them. {@code price} is what a holder pays in EUR
 * (e.g. 1.50) for a REDUCED_PRICE benefit; {@code placesPerEvent} the Kulturpass places offered per
 * event (leave empty when the venue sets them event by event).
 */
public record AgreementTerms(
        Benefit benefit,
        @DecimalMin("0.00") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2) BigDecimal price,
        @Min(1) @Max(10_000) Integer placesPerEvent,
        Set<PassCategory> acceptedCategories,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil,
        LocalDate signedOn,
        @Size(max = 200) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 50) String contactPhone) {

    /** The checks that depend on the partner: a 400 naming the field. */
    void requireConsistentFor(PartnerKind kind) {
        if (validUntil.isBefore(validFrom)) {
            throw ProblemException.badRequest("validUntil: must not be before validFrom");
        }
        if (kind == PartnerKind.SOCIAL) {
            if (benefit != null || price != null || placesPerEvent != null) {
                throw ProblemException.badRequest("benefit, price and placesPerEvent belong to agreements with cultural partners");
            }
            return;
        }
        if (benefit == null) {
            throw ProblemException.badRequest("benefit: FREE_ENTRY or REDUCED_PRICE");
        }
        if (benefit == Benefit.REDUCED_PRICE && (price == null || price.signum() <= 0)) {
            throw ProblemException.badRequest("price: a REDUCED_PRICE agreement states what the holder pays, e.g. 1.50");
        }
        if (benefit == Benefit.FREE_ENTRY && price != null && price.signum() != 0) {
            throw ProblemException.badRequest("price: free entry has no price");
        }
        if (acceptedCategories == null || acceptedCategories.isEmpty()) {
            throw ProblemException.badRequest("acceptedCategories: at least one of ADULT, CHILD, COLLECTIVE");
        }
    }

    void applyTo(Agreement agreement) {
        agreement.benefit = benefit;
        agreement.priceCents = benefit == Benefit.REDUCED_PRICE ? price.movePointRight(2).intValueExact() : null;
        agreement.placesPerEvent = placesPerEvent;
        agreement.acceptedCategories = acceptedCategories == null || acceptedCategories.isEmpty()
                ? EnumSet.noneOf(PassCategory.class) : EnumSet.copyOf(acceptedCategories);
        agreement.validFrom = validFrom;
        agreement.validUntil = validUntil;
        agreement.signedOn = signedOn;
        agreement.contactName = contactName;
        agreement.contactEmail = contactEmail;
        agreement.contactPhone = contactPhone;
    }
}
