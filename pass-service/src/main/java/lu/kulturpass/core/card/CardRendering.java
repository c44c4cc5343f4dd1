package lu.kulturpass.core.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the one {@link CardRenderer} of the application (its font is read once). */
@ApplicationScoped
public class CardRendering {

    @Produces
    @ApplicationScoped
    CardRenderer cardRenderer(QrCodes qrCodes, CardConfig config) {
        return new CardRenderer(qrCodes, config.programmeName());
    }
}
