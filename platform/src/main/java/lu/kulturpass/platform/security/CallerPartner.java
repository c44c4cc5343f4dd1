package lu.kulturpass.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The partner (agency or venue) a caller belongs to, read from the bearer token once, when its identity is built,
 * and kept with the identity. SmallRye JWT looks a custom claim such as {@code partner_id} up as a standard claim
 * first, and builds and throws away an exception each time it is not one: with the identity of a remembered token
 * ({@link VerifiedBearerTokens}) carrying the partner, a scan no longer pays for that.
 */
@ApplicationScoped
public class CallerPartner implements SecurityIdentityAugmentor {

    /** The identity attribute holding the partner id, empty when the token names none. */
    public static final String ATTRIBUTE = "kulturpass.partner-id";

    /** The partner id the token names; empty when it names none. */
    static String claimOf(JsonWebToken token) {
        Object claim = token.getClaim(Roles.PARTNER_CLAIM);
        return claim == null ? "" : claim.toString();
    }

    @Override
    public int priority() {
        return 100; // augmentors of higher priority run first: before VerifiedBearerTokens.Remember (0) remembers the identity
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(ATTRIBUTE) != null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, claimOf(token)).build());
    }
}
