package lu.kulturpass.eligibility.issuing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;
import lu.kulturpass.platform.problem.ProblemException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks pass-service to issue, renew or replace passes and to print cards, with the agency worker's
 * own bearer token. Issuing carries an idempotency key, so a lost answer is asked again and
 * pass-service returns the passes it already issued, never a second one.
 */
@ApplicationScoped
public class PassIssuing {

    private static final Logger LOG = Logger.getLogger(PassIssuing.class);

    private final PassServiceClient passService;

    public PassIssuing(@RestClient PassServiceClient passService) {
        this.passService = passService;
    }

    public List<PassServiceClient.IssuedPass> issueHousehold(String bearerToken, String idempotencyKey,
                                                            PassServiceClient.HouseholdRequest request) {
        return call("issue the passes", idempotencyKey, () -> retried(() -> passService.issueHousehold(bearer(bearerToken), idempotencyKey, request)));
    }

    /** Many households at once (an imported list), each under its own idempotency key. */
    public List<PassServiceClient.BatchIssued> issueHouseholds(String bearerToken, List<PassServiceClient.BatchEntry> households) {
        return call("issue the passes", households.size() + " households",
                () -> retried(() -> passService.issueHouseholds(bearer(bearerToken), new PassServiceClient.BatchRequest(households))));
    }

    /** A lifecycle transition (RENEW, REPLACE, REVOKE) of one pass. */
    public PassServiceClient.IssuedPass move(String bearerToken, long passId, String transition, String reason) {
        return call("change the pass", "pass " + passId, () -> passService.move(bearer(bearerToken), passId,
                new PassServiceClient.TransitionRequest(transition, reason, null)));
    }

    public byte[] sheet(String bearerToken, PassServiceClient.SheetRequest request) {
        return call("print the cards", "card sheet", () -> passService.sheet(bearer(bearerToken), request));
    }

    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    <T> T retried(Supplier<T> request) {
        return request.get();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static <T> T call(String what, String subject, Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException unreachable) {
            LOG.warnf("pass-service unreachable (%s): %s", subject, unreachable.getMessage());
            throw ProblemException.unavailable("Could not " + what + " because the pass service is not reachable. "
                    + "Nothing was lost: try again in a moment.");
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            String detail = detail(refused);
            LOG.warnf("pass-service answered %d (%s): %s", status, subject, detail);
            if (status == 409 || status == 400) {
                throw new ProblemException(409, "Refused by the pass service", "The pass service refused to " + what + ": " + detail);
            }
            throw new ProblemException(502, "Pass service error",
                    "The pass service could not " + what + " (status " + status + "). Try again, or contact programme staff.");
        }
    }

    private static String detail(WebApplicationException refused) {
        try {
            String body = refused.getResponse().readEntity(String.class);
            var matcher = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
            return matcher.find() ? matcher.group(1) : "status " + refused.getResponse().getStatus();
        } catch (RuntimeException unreadable) {
            return "status " + refused.getResponse().getStatus();
        }
    }
}
