package lu.kulturpass.venue.admission;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** The answer's language: the first of French, German or English the caller's Accept-Language names; French otherwise. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("fr", "de", "en");

    private Languages() {
    }

    public static String of(HttpHeaders headers) {
        if (headers == null) {
            return "fr";
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "fr";
    }
}
