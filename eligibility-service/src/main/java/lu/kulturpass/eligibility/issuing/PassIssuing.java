package lu.kulturpass.eligibility.issuing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import lu.kulturpass.platform.problem.ProblemException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks pass-service to issue a pass. The idempotency key makes retries safe: a lost answer is asked
 * again and pass-service returns the pass it already issued, never a second one.
 */
@ApplicationScoped
public class PassIssuing {

    private static final Logger LOG = Logger.getLogger(PassIssuing.class);

    private final PassServiceClient passService;

    public PassIssuing(@RestClient PassServiceClient passService) {
        this.passService = passService;
    }

    public PassServiceClient.IssuedPass issue(String bearerToken, String idempotencyKey, PassServiceClient.PassRequest request) {
        try {
            return call(bearerToken, idempotencyKey, request);
        } catch (ProcessingException unreachable) {
            LOG.warnf("pass-service unreachable while issuing %s: %s", idempotencyKey, unreachable.getMessage());
            throw ProblemException.unavailable("The pass could not be issued because the pass service is not reachable. "
                    + "Nothing was lost: try again in a moment.");
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            LOG.warnf("pass-service answered %d while issuing %s", status, idempotencyKey);
            throw new ProblemException(502, "Pass not issued",
                    "The pass service refused to issue the pass (status " + status + "). Try again, or contact programme staff.");
        }
    }

    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    PassServiceClient.IssuedPass call(String bearerToken, String idempotencyKey, PassServiceClient.PassRequest request) {
        return passService.issue("Bearer " + bearerToken, idempotencyKey, request);
    }
}
