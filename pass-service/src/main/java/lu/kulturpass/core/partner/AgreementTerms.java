package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
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
        @DecimalMin(value = "0.00", message = "{priceRange}") @DecimalMax(value = "1000.00", message = "{priceRange}")
        @Digits(integer = 4, fraction = 2, message = "{priceRange}") BigDecimal price,
        @Min(value = 1, message = "{placesPerEventRange}") @Max(value = 10_000, message = "{placesPerEventRange}") Integer placesPerEvent,
        Set<PassCategory> acceptedCategories,
        @NotNull(message = "{validFromRequired}") LocalDate validFrom,
        @NotNull(message = "{validUntilRequired}") LocalDate validUntil,
        LocalDate signedOn,
        @Size(max = 200, message = "{contactNameLength}") String contactName,
        @Email(message = "{contactEmailInvalid}") @Size(max = 200, message = "{contactEmailLength}") String contactEmail,
        @Size(max = 50, message = "{contactPhoneLength}") String contactPhone) {

    /** The checks that depend on the partner: a 400 naming the field. */
    void requireConsistentFor(PartnerKind kind) {
        PartnerWords words = Words.of(PartnerWords.class);
        if (validUntil.isBefore(validFrom)) {
            throw ProblemException.badRequest(words.validUntilBeforeFrom());
        }
        if (kind == PartnerKind.SOCIAL) {
            if (benefit != null || price != null || placesPerEvent != null) {
                throw ProblemException.badRequest(words.culturalTermsOnly());
            }
            return;
        }
        if (benefit == null) {
            throw ProblemException.badRequest(words.benefitRequired());
        }
        if (benefit == Benefit.REDUCED_PRICE && (price == null || price.signum() <= 0)) {
            throw ProblemException.badRequest(words.priceRequired());
        }
        if (benefit == Benefit.FREE_ENTRY && price != null && price.signum() != 0) {
            throw ProblemException.badRequest(words.freeEntryNoPrice());
        }
        if (acceptedCategories == null || acceptedCategories.isEmpty()) {
            throw ProblemException.badRequest(words.categoriesRequired());
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
