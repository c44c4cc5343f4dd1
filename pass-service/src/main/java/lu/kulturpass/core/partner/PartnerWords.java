package lu.kulturpass.core.partner;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.kulturpass.token.PassCategory;

/**
 * The words of partners and agreements: their kinds, statuses, steps and terms, and the problems of registering
 * partners, drafting agreements and moving them on, with the bean-validation messages of their requests
 * ({@code {key}}). Texts in {@code messages/partner_<language>.properties}.
 */
@MessageBundle(value = "partner", locale = "en")
public interface PartnerWords {

    @Message String partnerKind(PartnerKind kind);
    @Message String agreementStatus(AgreementStatus status);
    @Message String agreementTransition(AgreementTransition transition);
    @Message String benefit(Benefit benefit);
    @Message String acceptedCategory(PassCategory category);

    @Message String partnerNotFound(String id);
    @Message String agreementNotFound(String id);
    @Message String agreementExpiresByDate();
    @Message String agreementTermsFixed(String status);
    @Message String agreementMoveNotAllowed(String status, String transition, String allowed);
    @Message String nothingAllowed();
    @Message String agreementNotRenewable(String status);
    @Message String renewalUntilTooEarly(String from);
    @Message String agreementUnsigned();
    @Message String agreementEnded(String day);
    @Message String agreementOverlap(String id, String from, String until);
    @Message String validUntilBeforeFrom();
    @Message String culturalTermsOnly();
    @Message String benefitRequired();
    @Message String priceRequired();
    @Message String freeEntryNoPrice();
    @Message String categoriesRequired();
    @Message String socialPartnerNoVenues();
    @Message String organisationUnknown();
    @Message String organisationNotSocial();
    @Message String venueUnknown();
    @Message String venueNotCultural();
    @Message String ownOrganisationOnly();
    @Message String noAgreementInForce();
    @Message String ownAccountChangesOnly();
    @Message String termsBodyMissing();
    @Message String renewalBodyMissing();
    @Message String renewalUntilRequired();
    @Message String partnerBodyMissing();
    @Message String nameBodyMissing();
    @Message String partnerKindRequired();
    @Message String partnerNameRequired();
    @Message String partnerNameLength();
    @Message String venueNameRequired();
    @Message String venueNameLength();
    @Message String priceRange();
    @Message String placesPerEventRange();
    @Message String validFromRequired();
    @Message String validUntilRequired();
    @Message String contactNameLength();
    @Message String contactEmailInvalid();
    @Message String contactEmailLength();
    @Message String contactPhoneLength();
    @Message String latitudeRange();
    @Message String longitudeRange();
}
