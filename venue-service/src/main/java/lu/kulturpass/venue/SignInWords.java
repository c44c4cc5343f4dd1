package lu.kulturpass.venue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Signing in on venue-service's two pages (the scanner, the venue's page), which say it alike: the title of the sign-in
 * view, and a session that has ended. The texts are in {@code messages/signin_<language>.properties}.
 */
@MessageBundle(value = "signin", locale = "en")
public interface SignInWords {

    @Message
    String signInNeeded();

    @Message
    String sessionEnded();
}
