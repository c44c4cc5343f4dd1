package lu.kulturpass.platform.words;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * The language of the person calling: the first language of the request's {@code Accept-Language} the programme speaks
 * (the pages send the language the person chose), else {@link Language#DEFAULT}; outside a request (a Kafka consumer,
 * a scheduled job) the default.
 */
public final class CallerLanguage {

    private CallerLanguage() {
    }

    public static Language current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Language.DEFAULT;
        }
        CurrentVertxRequest request = container.instance(CurrentVertxRequest.class).get();
        RoutingContext routing = request == null ? null : request.getCurrent();
        if (routing == null) {
            return Language.DEFAULT;
        }
        List<LanguageHeader> acceptable = routing.acceptableLanguages();
        return Language.firstOf(acceptable.stream().map(l -> Locale.forLanguageTag(l.tag())).toList());
    }
}
