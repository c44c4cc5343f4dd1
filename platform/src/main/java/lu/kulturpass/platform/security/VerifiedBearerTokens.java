package lu.kulturpass.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the OIDC provider has verified, remembered for a short while. A box-office device sends
 * the same staff token with every scan; checking its RS256 signature and parsing its claims again each
 * time costs more than the rest of the request's handling. The identity is remembered only after OIDC
 * verified the token (the augmentor below sees OIDC's result), and only until the token expires or the
 * time to remember it ({@code kulturpass.security.verified-token-ttl}, default 60 s; 0 turns this off)
 * has passed, whichever comes first: a token that expired, or was signed by a key the provider dropped,
 * is refused at most that long after. The remembered identity is the one OIDC built, with the current
 * request as its request.
 */
@ApplicationScoped
public class VerifiedBearerTokens {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int capacity;
    private final Counter recalled;

    public VerifiedBearerTokens(VerifiedTokensConfig config, MeterRegistry registry) {
        this.ttlMillis = config.verifiedTokenTtl().toMillis();
        this.capacity = config.verifiedTokenCapacity();
        this.recalled = Counter.builder("kulturpass.bearer.tokens.recalled")
                .description("Requests whose bearer token was answered from the tokens verified in the last minute").register(registry);
    }

    SecurityIdentity recall(String token, Object routingContext) {
        Verified known = token == null ? null : verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.untilMillis() <= System.currentTimeMillis()) {
            verified.remove(token, known);
            return null;
        }
        recalled.increment();
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(known.identity());
        if (routingContext != null) {
            copy.addAttribute(ROUTING_CONTEXT, routingContext);
        }
        return copy.build();
    }

    void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (ttlMillis <= 0 || credential == null || credential.getToken() == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || verified.containsKey(credential.getToken())) {
            return;
        }
        long until = Math.min(System.currentTimeMillis() + ttlMillis, jwt.getExpirationTime() * 1000L);
        if (until <= System.currentTimeMillis()) {
            return;
        }
        if (verified.size() >= capacity) {
            long now = System.currentTimeMillis();
            verified.values().removeIf(known -> known.untilMillis() <= now);
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(credential.getToken(), new Verified(identity, until));
    }

    /** Answers a bearer token from memory before OIDC verifies it; nothing (so OIDC verifies) when unknown. */
    @ApplicationScoped
    public static class Recall implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedBearerTokens tokens;

        public Recall(VerifiedBearerTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return SYSTEM_FIRST + 1000; // before OIDC's provider (the default, 1001)
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential)) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(tokens.recall(request.getToken().getToken(), request.getAttribute(ROUTING_CONTEXT)));
        }
    }

    /** Remembers what OIDC verified. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedBearerTokens tokens;

        public Remember(VerifiedBearerTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous()) {
                tokens.remember(identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
