package lu.kulturpass.eligibility.issuing;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import lu.kulturpass.platform.words.CallerLanguage;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to pass-service carries the caller's own access token, as Quarkus's token propagation
 * ({@code quarkus-rest-client-oidc-token-propagation}) does: {@code Authorization: Bearer} with the
 * {@link AccessTokenCredential} of the current {@link SecurityIdentity}. That credential is there for a
 * bearer request and for a page's session alike (hybrid mode: the code flow's access token, refreshed
 * when it expires), where the request has no Authorization header and the injected JsonWebToken is the
 * ID token. pass-service then checks that person's role and agency and records them as the one who
 * acted. A call with no signed-in caller (a scheduled job, a thread the request's context was not
 * carried to) throws {@link NoCaller}: nothing is sent without a person's token.
 */
@ApplicationScoped
public class CallerAccessToken implements ClientHeadersFactory {

    /** pass-service was about to be called with no signed-in caller to act for. */
    public static final class NoCaller extends IllegalStateException {
        NoCaller(String why) {
            super("pass-service is called on behalf of a signed-in person, and there is none here (" + why + "): "
                    + "nothing was sent");
        }
    }

    private final CurrentIdentityAssociation identities;

    public CallerAccessToken(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token());
        // pass-service's refusals reach the person through this service's answers: in the caller's language
        headers.putSingle(HttpHeaders.ACCEPT_LANGUAGE, CallerLanguage.current().code());
        return headers;
    }

    /** The current caller's access token. */
    String token() {
        if (!Arc.container().requestContext().isActive()) {
            throw new NoCaller("no request context on this thread");
        }
        SecurityIdentity identity = identities.getIdentity();
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            throw new NoCaller(identity.isAnonymous() ? "the request is anonymous" : "the caller has no access token");
        }
        return token.getToken();
    }
}
