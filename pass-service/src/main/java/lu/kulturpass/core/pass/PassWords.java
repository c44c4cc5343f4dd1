package lu.kulturpass.core.pass;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of passes: their statuses and steps, and the problems of issuing passes, moving them through their lifecycle
 * and signing them, with the bean-validation messages of their requests ({@code {key}}). Texts in
 * {@code messages/pass_<language>.properties}.
 */
@MessageBundle(value = "pass", locale = "en")
public interface PassWords {

    @Message String passStatus(PassStatus status);
    @Message String passTransition(Transition transition);

    @Message String passNotFound(String id);
    @Message String tokenGoneErased();
    @Message String tokenGoneRetention();
    @Message String passTokenGone(String number, String because);
    @Message String passMoveNotAllowed(String status, String transition, String allowed);
    @Message String passNothingAllowed();
    @Message String passExpiresByDate();
    @Message String reasonNotRequestable(String reason);
    @Message String collectiveGroupSize();
    @Message String groupOnlyCollective();
    @Message String identityRequired(String field);
    @Message String memberEmpty();
    @Message String memberCollective();
    @Message String memberTwice(String holderRef);
    @Message String idempotencyKeyTwice(String index);
    @Message String idempotencyHeaderMissing();
    @Message String revocationSinceInvalid();
    @Message String noSigningKeyYet();
    @Message String signingKeyNotFound(String id);
    @Message String signingKeyInUse(String id);
    @Message String rotationBody();
    @Message String holderBodyMissing();
    @Message String householdBodyMissing();
    @Message String householdsBodyMissing();
    @Message String householdsCount();
    @Message String householdEntryRequired();
    @Message String idempotencyKeyRequired();
    @Message String householdRefRequired();
    @Message String membersCount();
    @Message String holderRefRequired();
    @Message String categoryRequired();
    @Message String groupSizeRange();
    @Message String initialsFormat();
    @Message String birthYearRange();
    @Message String transitionBodyMissing();
    @Message String transitionRequired();
    @Message String transitionReasonRequired();
    @Message String noteLength();
}
