package lu.kulturpass.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import lu.kulturpass.platform.fault.TransientFaults;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.PlatformWords;
import lu.kulturpass.platform.words.Words;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into {@code application/problem+json}; bad input is a 4xx, never a 500. A fault of the
 * infrastructure ({@link TransientFaults}: the database unreachable or restarting, no pooled connection in time, a
 * serialization failure or deadlock) is a 503 with {@code Retry-After}: the same request succeeds a moment later.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client waits before trying again after a 503 (a database restart takes a few seconds). */
    static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(), uri);
        return e.toProblem().status() == 503
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build() : response;
    }

    // one mapper per Jackson exception type: Quarkus REST has mappers of its own for some of them, and the closest type wins
    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpectedField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    /** A refused bean-validation constraint, said in the caller's language ({@link Violations}). */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        Violations violations = Violations.in(CallerLanguage.current());
        List<String> errors = e.getConstraintViolations().stream()
                .map(violations::describe).sorted().collect(Collectors.toList());
        return respond(Problem.of(400, null, String.join("; ", errors)).withErrors(errors), uri);
    }

    @ServerExceptionMapper
    public Response notAuthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        // a credential that could not be checked because the database was away (a paired door device's cookie is
        // looked up there) is not a bad credential: 503, so the page tries again instead of asking to sign in
        Throwable fault = TransientFaults.transientCause(e);
        return fault != null ? unavailable(fault, uri) : unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, null, Words.of(PlatformWords.class).notAllowed()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException cause) {
            return json(cause, uri);
        }
        if (e.getCause() instanceof ProblemException cause) {
            return domain(cause, uri); // thrown while reading a parameter (DateParameters): the framework wrapped it in a 404 or 400
        }
        ProblemWords words = Words.of(ProblemWords.class);
        String detail = switch (status) {
            case 404 -> words.problemNothingHere();
            case 405 -> words.problemMethodNotAccepted();
            case 406 -> words.problemFormatNotOffered();
            case 415 -> words.problemSendJson();
            default -> e.getMessage();
        };
        return respond(Problem.of(status, null, detail), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable fault = TransientFaults.transientCause(e);
        if (fault != null) {
            return unavailable(fault, uri);
        }
        java.sql.SQLException data = dataException(e);
        if (data != null) {
            // the database refused a value (class 22: out of range, too long, not text): the request's, as nothing else
            // sends values on a request's path; said as a 400, and logged, as a check the service should have made first
            LOG.warnf("400 on %s: the database refused a value of the request: %s", uri.getPath(), data.getMessage());
            return respond(Problem.of(400, null, Words.of(ProblemWords.class).problemValueNotStorable()), uri);
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(Problem.of(500, null, Words.of(ProblemWords.class).problemOnOurSide()), uri);
    }

    /** 503 with Retry-After: a dependency is away for a moment; nothing is wrong with the request. */
    public static Response unavailable(Throwable fault, UriInfo uri) {
        LOG.warnf("503 on %s: %s", uri == null ? "?" : uri.getPath(), fault);
        ProblemWords words = Words.of(ProblemWords.class);
        String detail = fault instanceof org.apache.kafka.common.KafkaException ? words.problemBrokerAway() : words.problemDatabaseAway();
        return Response.fromResponse(respond(Problem.of(503, null, detail), uri))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** The database's refusal of a value (SQLState class 22, "data exception") in the cause chain, or null. */
    static java.sql.SQLException dataException(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql;
            }
        }
        return null;
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, null, Words.of(ProblemWords.class).problemNotSignedIn()), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * The answer, titled by its status in the caller's language: every service's problems, whatever title they were
     * thrown with, read the same way in the same language.
     */
    private static Response respond(Problem problem, UriInfo uri) {
        Problem titled = problem.withTitle(title(problem.status(), CallerLanguage.current()));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(titled.withInstance(uri == null ? null : uri.getPath())).build();
    }

    /** A problem's title by its status, in a language. */
    public static String title(int status, Language language) {
        if (status == 403) {
            return Words.in(PlatformWords.class, language).notAllowedTitle();
        }
        ProblemWords words = Words.in(ProblemWords.class, language);
        return switch (status) {
            case 400 -> words.problemTitleBadRequest();
            case 401 -> words.problemTitleNotSignedIn();
            case 404 -> words.problemTitleNotFound();
            case 405 -> words.problemTitleMethodNotAllowed();
            case 406 -> words.problemTitleNotAcceptable();
            case 409 -> words.problemTitleConflict();
            case 410 -> words.problemTitleGone();
            case 413 -> words.problemTitleTooLarge();
            case 414 -> words.problemTitleAddressTooLong();
            case 415 -> words.problemTitleUnsupportedType();
            case 422 -> words.problemTitleUnprocessable();
            case 429 -> words.problemTitleTooManyRequests();
            case 500 -> words.problemTitleInternalError();
            case 502 -> words.problemTitleBadGateway();
            case 503 -> words.problemTitleUnavailable();
            default -> words.problemTitleOther();
        };
    }
}
