package lu.kulturpass.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the current request: who they are, their role, and the partner they belong to. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** A stable, pseudonymous id for the user (the token's subject), for audit records. */
    public String userId() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    /** The name the person signs in with (the token's preferred_username or upn), else their user id. */
    public String username() {
        for (String claim : new String[] {"preferred_username", "upn"}) {
            Object name = token.getClaim(claim);
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return userId();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The agency or venue the caller belongs to; a 403 when the token names none. */
    public String partnerId() {
        return partner().orElseThrow(() -> ProblemException.forbidden(Words.of(ProblemWords.class).problemNotLinkedToPartner()));
    }

    /** The agency or venue the caller belongs to, if the token names one (programme staff belong to none). */
    public Optional<String> partner() {
        Object known = identity.getAttribute(CallerPartner.ATTRIBUTE);
        String partner = known != null ? known.toString() : CallerPartner.claimOf(token);
        return partner.isBlank() ? Optional.empty() : Optional.of(partner);
    }

    /** Requires the caller to belong to the given partner, unless they are programme staff; {@code what}: the things, in the caller's language. */
    public void requirePartner(String partnerId, String what) {
        if (hasRole(Roles.PROGRAMME_STAFF)) {
            return;
        }
        if (!Objects.equals(partnerId(), partnerId)) {
            throw ProblemException.forbidden(Words.of(ProblemWords.class).problemOwnOrganisationOnly(what));
        }
    }
}
