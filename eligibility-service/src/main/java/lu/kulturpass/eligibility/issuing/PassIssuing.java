package lu.kulturpass.eligibility.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Words;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks pass-service to issue, renew or replace passes and to print cards, with the agency worker's
 * own access token ({@link CallerAccessToken}: a call with no signed-in caller fails with
 * {@link CallerAccessToken.NoCaller}, sending nothing). Issuing carries an idempotency key, so a lost
 * answer is asked again and pass-service returns the passes it already issued, never a second one. A refusal reaches the agency
 * worker with pass-service's own sentence (403 when the agency may not do it there, 409 when the pass
 * or request does not allow it); 503 when pass-service is unreachable or answers 503, 502 when it fails.
 */
@ApplicationScoped
public class PassIssuing {

    private static final Logger LOG = Logger.getLogger(PassIssuing.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PassServiceClient passService;

    public PassIssuing(@RestClient PassServiceClient passService) {
        this.passService = passService;
    }

    public List<PassServiceClient.IssuedPass> issueHousehold(String idempotencyKey, PassServiceClient.HouseholdRequest request) {
        return call(RefusalWords::toIssuePasses, idempotencyKey, () -> retried(() -> passService.issueHousehold(idempotencyKey, request)));
    }

    /** Many households at once (an imported list), each under its own idempotency key. */
    public List<PassServiceClient.BatchIssued> issueHouseholds(List<PassServiceClient.BatchEntry> households) {
        return call(RefusalWords::toIssuePasses, households.size() + " households",
                () -> retried(() -> passService.issueHouseholds(new PassServiceClient.BatchRequest(households))));
    }

    /** A lifecycle transition (RENEW, REPLACE, REVOKE) of one pass. */
    public PassServiceClient.IssuedPass move(long passId, String transition, String reason) {
        return call(RefusalWords::toChangePass, "pass " + passId, () -> sent(() -> passService.move(passId,
                new PassServiceClient.TransitionRequest(transition, reason, null))));
    }

    public byte[] sheet(PassServiceClient.SheetRequest request) {
        return call(RefusalWords::toPrintCards, "card sheet", () -> sent(() -> passService.sheet(request)));
    }

    /**
     * Issuing again is safe (the idempotency key): asked again when pass-service did not answer, or answered 503 (its
     * database away for a moment, e.g. a restart), 300 ms, 600 ms, then 1.2 s later.
     */
    @Retry(maxRetries = 3, delay = 300)
    @ExponentialBackoff(factor = 2, maxDelay = 2000)
    @RetryWhen(exception = WorthAskingAgain.class)
    <T> T retried(Supplier<T> request) {
        return sent(request);
    }

    /** Unreachable, or a 503: the same request may succeed a moment later. */
    public static final class WorthAskingAgain implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof ProcessingException
                    || failure instanceof WebApplicationException refused && refused.getResponse().getStatus() == 503;
        }
    }

    /**
     * The request, with a call that had no caller to act for ({@link CallerAccessToken}) thrown as such: the
     * client wraps it in a ProcessingException, which would otherwise read as an unreachable pass-service.
     */
    private static <T> T sent(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException failed) {
            if (failed.getCause() instanceof CallerAccessToken.NoCaller noCaller) {
                throw noCaller;
            }
            throw failed;
        }
    }

    private static <T> T call(Function<RefusalWords, String> action, String subject, Supplier<T> request) {
        RefusalWords words = Words.of(RefusalWords.class);
        String what = action.apply(words);
        try {
            return request.get();
        } catch (ProcessingException unreachable) {
            LOG.warnf("pass-service unreachable (%s): %s", subject, unreachable.getMessage());
            throw ProblemException.unavailable(words.passServiceUnreachable(what));
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            String detail = detail(refused).orElse("status " + status);
            LOG.warnf("pass-service answered %d (%s): %s", status, subject, detail);
            if (status == 403) {
                // the agency may not do this there (e.g. its agreement is no longer in force): pass-service says why
                throw ProblemException.forbidden(detail);
            }
            if (status == 503) {
                throw ProblemException.unavailable(words.passServiceBusy(what));
            }
            if (status == 409 || status == 400) {
                throw new ProblemException(409, words.passServiceRefusedTitle(), words.passServiceRefused(what, detail));
            }
            throw new ProblemException(502, words.passServiceErrorTitle(), words.passServiceError(what, String.valueOf(status)));
        }
    }

    /** The sentence of pass-service's problem answer, if it sent one. */
    private static Optional<String> detail(WebApplicationException refused) {
        try {
            JsonNode detail = JSON.readTree(refused.getResponse().readEntity(String.class)).path("detail");
            return detail.isTextual() ? Optional.of(detail.asText()) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
