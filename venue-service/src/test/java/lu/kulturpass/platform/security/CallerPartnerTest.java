package lu.kulturpass.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import lu.kulturpass.platform.problem.ProblemException;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The partner a caller belongs to is read from the bearer token once, when the identity is built, and the
 * request's {@link Caller} takes it from the identity (the token's custom claim lookup costs an exception).
 */
class CallerPartnerTest {

    private static DefaultJWTCallerPrincipal token(String partnerId) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("user-1");
        if (partnerId != null) {
            claims.setClaim(Roles.PARTNER_CLAIM, partnerId);
        }
        return new DefaultJWTCallerPrincipal(claims);
    }

    private static SecurityIdentity identityOf(DefaultJWTCallerPrincipal token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(Roles.BOX_OFFICE).build();
    }

    private static SecurityIdentity augmented(SecurityIdentity identity) {
        return new CallerPartner().augment(identity, null).await().indefinitely();
    }

    @Test
    void theIdentityOfATokenCarriesThePartnerTheTokenNames() {
        SecurityIdentity identity = augmented(identityOf(token("venue-7")));
        assertEquals("venue-7", identity.getAttribute(CallerPartner.ATTRIBUTE));
        assertEquals(Roles.BOX_OFFICE, identity.getRoles().iterator().next(), "the roles are kept");
    }

    @Test
    void theIdentityOfATokenNamingNoPartnerCarriesAnEmptyOneAndTheCallerIsRefused() {
        DefaultJWTCallerPrincipal token = token(null);
        SecurityIdentity identity = augmented(identityOf(token));
        assertEquals("", identity.getAttribute(CallerPartner.ATTRIBUTE));
        assertThrows(ProblemException.class, () -> new Caller(identity, token).partnerId());
    }

    @Test
    void anIdentityAlreadyCarryingItsPartnerIsLeftAsItIs() {
        SecurityIdentity once = augmented(identityOf(token("venue-7")));
        assertSame(once, augmented(once));
    }

    @Test
    void theCallersPartnerIsTheOneTheIdentityCarries() {
        // a token that names another partner shows the caller does not read the token again
        SecurityIdentity identity = QuarkusSecurityIdentity.builder(identityOf(token("venue-7")))
                .addAttribute(CallerPartner.ATTRIBUTE, "venue-9").build();
        assertEquals("venue-9", new Caller(identity, token("venue-7")).partnerId());
    }

    @Test
    void withoutTheAttributeTheCallersPartnerIsReadFromTheToken() {
        DefaultJWTCallerPrincipal token = token("venue-7");
        assertEquals("venue-7", new Caller(identityOf(token), token).partnerId());
    }
}
