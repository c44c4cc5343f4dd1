package lu.kulturpass.platform.problem;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The problems every service answers, in the caller's language: the titles by status, what the problem mappers say
 * (not signed in, nothing here, the database away), an unreadable request body ({@link JsonProblems}), the platform's
 * own checks of parameters, and a refused bean-validation constraint without a word of its own. The texts are in
 * {@code messages/problems_<language>.properties}. Parameters are text (numbers written by the caller), as every word
 * of the catalogues is also served to the pages ({@code /words.js}).
 */
@MessageBundle(value = "problems", locale = "en")
public interface ProblemWords {

    // titles, by status (403: PlatformWords.notAllowedTitle)

    @Message
    String problemTitleBadRequest();

    @Message
    String problemTitleNotSignedIn();

    @Message
    String problemTitleNotFound();

    @Message
    String problemTitleMethodNotAllowed();

    @Message
    String problemTitleNotAcceptable();

    @Message
    String problemTitleConflict();

    @Message
    String problemTitleGone();

    @Message
    String problemTitleTooLarge();

    @Message
    String problemTitleAddressTooLong();

    @Message
    String problemTitleUnsupportedType();

    @Message
    String problemTitleUnprocessable();

    @Message
    String problemTitleTooManyRequests();

    @Message
    String problemTitleInternalError();

    @Message
    String problemTitleBadGateway();

    @Message
    String problemTitleUnavailable();

    @Message
    String problemTitleOther();

    // what the mappers say

    @Message
    String problemNotSignedIn();

    @Message
    String problemNothingHere();

    @Message
    String problemMethodNotAccepted();

    @Message
    String problemFormatNotOffered();

    @Message
    String problemSendJson();

    @Message
    String problemValueNotStorable();

    @Message
    String problemOnOurSide();

    @Message
    String problemDatabaseAway();

    @Message
    String problemBrokerAway();

    @Message
    String problemAddressTooLong(String longest);

    @Message
    String problemBodyTooLarge(String megabytes);

    @Message
    String problemParameterNotPlain(String name);

    @Message
    String problemAddressPartNotPlain(String name);

    @Message
    String problemParameterNotADate(String name);

    @Message
    String problemParameterOutOfRange(String name, String earliest, String latest);

    @Message
    String problemNoSuchChannel(String channel, String channels);

    @Message
    String problemNotLinkedToPartner();

    /** {@code what}: the things, in the caller's language ("passes"). */
    @Message
    String problemOwnOrganisationOnly(String what);

    /** A body a resource reads itself: what to send, then what is wrong with it. */
    @Message
    String problemUnreadableBody(String hint, String detail);

    // an unreadable request body

    @Message
    String jsonTooDeep(String deepest);

    @Message
    String jsonValueTooLong();

    @Message
    String jsonUnknownField(String field);

    @Message
    String jsonFieldTwice(String field);

    @Message
    String jsonEndsEarly();

    @Message
    String jsonNotValid();

    @Message
    String jsonNotValidAt(String line, String column);

    @Message
    String jsonUnreadable();

    @Message
    String jsonUnreadableField(String field);

    @Message
    String jsonCheckField(String field);

    @Message
    String jsonNeedsBody();

    @Message
    String jsonTrailing();

    @Message
    String jsonWrongShape();

    /** "Field 'x' " and what its value must be ({@code must}: one of the {@code mustBe…} words). */
    @Message
    String jsonField(String field, String must);

    /** "The request body " and what it must be. */
    @Message
    String jsonBody(String must);

    @Message
    String mustBeOneOf(String values);

    @Message
    String mustBeWholeNumber();

    @Message
    String mustBeNumber();

    @Message
    String mustBeTrueOrFalse();

    @Message
    String mustBeText();

    @Message
    String mustBeId();

    @Message
    String mustBeDate();

    @Message
    String mustBeDateTime();

    @Message
    String mustBeDateAsText();

    @Message
    String mustBeDateTimeAsText();

    @Message
    String mustBeDateBetween(String earliest, String latest);

    @Message
    String mustBeList();

    @Message
    String mustBeObject();

    @Message
    String mustBePlainText();

    @Message
    String hasWrongType();

    // a bean-validation constraint refused, when its annotation names no word of its own

    @Message
    String constraintRequired(String field);

    @Message
    String constraintTooLong(String field, String max);

    @Message
    String constraintTooShort(String field, String min);

    @Message
    String constraintEntries(String field, String min, String max);

    @Message
    String constraintAtLeast(String field, String min);

    @Message
    String constraintAtMost(String field, String max);

    @Message
    String constraintPositive(String field);

    @Message
    String constraintNotNegative(String field);

    @Message
    String constraintPattern(String field);

    @Message
    String constraintEmail(String field);

    @Message
    String constraintPast(String field);

    @Message
    String constraintNotFuture(String field);

    @Message
    String constraintFuture(String field);

    @Message
    String constraintTrue(String field);

    @Message
    String constraintInvalid(String field);

    /** A language asked for by name that the programme does not speak. */
    @Message
    String languageUnknown(String language, String languages);
}
