package lu.kulturpass.core.card;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the printed card, the card sheet and the mobile card page, and of the card endpoints' problems: texts in
 * {@code messages/card_<language>.properties}. Nothing here may say why someone holds the pass: no benefit, no social
 * category.
 */
@MessageBundle(value = "card", locale = "en")
public interface CardWords {

    @Message String cardNameLabel();
    @Message String cardNumberLabel();
    @Message String cardValidityLabel();
    @Message String cardValidity(String from, String until);
    /** How dates read on a card ({@link java.time.format.DateTimeFormatter} pattern). */
    @Message String cardDatePattern();
    @Message String cardChild();
    @Message String cardGroup(String people);
    @Message String cardNotice();
    @Message String cardPageTitle();
    @Message String cardPageShow();
    @Message String cardPageBrightness();
    @Message String cardPageLanguage();

    // the card endpoints' problems
    @Message String cardQrSize();
    @Message String cardBodyMissing();
    @Message String cardSheetBodyMissing();
    @Message String cardSheetCardsMissing();
    @Message String cardSheetSize();
    @Message String cardSheetCardIncomplete();
    @Message String cardSheetPassIdMissing();
    @Message String cardNoSuchPass(String field, String id);
    @Message String cardHolderNameLength(String field);
    @Message String cardHolderNameUnprintable(String field, String character);
    @Message String cardLinkNameTooLong();
    @Message String cardLinkMissing(String id);
    @Message String cardLinkInvalid();
    @Message String cardNoLongerValidTitle();
    @Message String cardNoLongerValid();
    @Message String cardTokenRemovedTitle();
    @Message String cardTokenRemoved(String number, String because);
    @Message String cardPassNotValid(String number, String status);
    @Message String cardPassReplaced(String number, String status, String replacement);
}
