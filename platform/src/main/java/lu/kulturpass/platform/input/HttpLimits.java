package lu.kulturpass.platform.input;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import lu.kulturpass.platform.problem.Problem;
import lu.kulturpass.platform.problem.ProblemMappers;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP limits answered as every other refusal, in problem+json: an address longer than {@link #LONGEST_ADDRESS}
 * characters (414), a body declared longer than {@code quarkus.http.limits.max-body-size} (413; one sent in chunks
 * without a length is cut off there by the HTTP server, without a body). An address longer than
 * {@code quarkus.http.limits.max-initial-line-length} (64 KB here) never reaches the service: the HTTP server itself
 * answers 414 without a body.
 */
@ApplicationScoped
public class HttpLimits {

    /** No address of the services needs more: the longest are a few hundred characters. */
    public static final int LONGEST_ADDRESS = 8 * 1024;

    private final long largestBody;

    HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize largestBody) {
        this.largestBody = largestBody.asLongValue();
    }

    void install(@Observes Router router) {
        // before the HTTP server's own check of the body's declared length, which answers 413 without a body
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (context.request().uri().length() > LONGEST_ADDRESS) {
                answer(context, 414, words(context).problemAddressTooLong(String.valueOf(LONGEST_ADDRESS)));
            } else if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > largestBody) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, 413, words(context).problemBodyTooLarge(String.valueOf(largestBody / (1024 * 1024))));
            } else {
                context.next();
            }
        });
    }

    /** The words in the caller's language: this route runs before the request's context, so it reads Accept-Language itself. */
    private static ProblemWords words(RoutingContext context) {
        return Words.in(ProblemWords.class, language(context));
    }

    private static Language language(RoutingContext context) {
        return Language.firstOf(context.acceptableLanguages().stream().map(l -> Locale.forLanguageTag(l.tag())).toList());
    }

    static void answer(RoutingContext context, int status, String detail) {
        String title = ProblemMappers.title(status, language(context));
        String json = io.vertx.core.json.Json.encode(Problem.of(status, title, detail).withInstance(context.normalizedPath()));
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json);
    }
}
