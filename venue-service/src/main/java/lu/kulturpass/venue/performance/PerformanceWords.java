package lu.kulturpass.venue.performance;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The performances' words in the API's answers (planning, changing and cancelling a performance, the places it offers),
 * and what a venue may do under its agreement. The texts are in {@code messages/performance_<language>.properties}.
 */
@MessageBundle(value = "performance", locale = "en")
public interface PerformanceWords {

    @Message
    String performanceChangeAsJson();

    @Message
    String performanceTermsMissing();

    @Message
    String performanceTitleLength();

    @Message
    String placesOfferedRange();

    @Message
    String placesAlreadyUsed(String placesUsed);

    @Message
    String noPerformanceAtYourVenue(String performanceId);

    @Message
    String performanceCancelledForGood();

    @Message
    String performanceOfAnotherVenue(String performanceId);

    @Message
    String venueNotKnown();

    @Message
    String noAgreementToOfferPlaces();

    @Message
    String placesPerEventAtMost(String placesPerEvent);
}
