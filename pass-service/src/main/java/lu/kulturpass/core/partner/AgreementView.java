package lu.kulturpass.core.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lu.kulturpass.token.PassCategory;

/** An agreement as programme staff see it (the partner topic carries it without the contact: {@code PartnerTopic.Agreement}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementView(UUID id, UUID partnerId, AgreementStatus status, List<AgreementTransition> allowedTransitions,
                            Benefit benefit, BigDecimal price, String currency, Integer placesPerEvent,
                            Set<PassCategory> acceptedCategories, LocalDate validFrom, LocalDate validUntil,
                            LocalDate signedOn, String contactName, String contactEmail, String contactPhone,
                            UUID renewedFrom) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.partner.id, a.status, AgreementTransition.requestableFrom(a.status), a.benefit,
                a.priceCents == null ? null : BigDecimal.valueOf(a.priceCents, 2), a.priceCents == null ? null : "EUR",
                a.placesPerEvent, a.acceptedCategories, a.validFrom, a.validUntil, a.signedOn, a.contactName,
                a.contactEmail, a.contactPhone, a.renewedFrom);
    }
}
