package lu.kulturpass.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signs bearer tokens as an identity provider would, with an RSA key made for this test JVM. The
 * services verify them with {@link #publicKey()}, the same way they verify Keycloak's in production.
 */
public final class BearerTokens {

    public static final String ISSUER = "https://kulturpass.test/auth";
    /** The audience the services expect ({@code quarkus.oidc.token.audience}), as the realm's clients put it in tokens. */
    public static final String AUDIENCE = "kulturpass";
    private static final KeyPair KEYS = generate();

    private BearerTokens() {
    }

    /** The base64 X.509 public key, as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A token for a user with one role, belonging to a partner (agency or venue), or none if null. */
    public static String token(String role, String partnerId) {
        return token(role, partnerId, Duration.ofHours(1));
    }

    /** The same, expiring after {@code lifetime}. */
    public static String token(String role, String partnerId, Duration lifetime) {
        return token(role, partnerId, lifetime, Map.of());
    }

    /** A token with more claims, as Keycloak's carry ({@code preferred_username}, {@code name}, …); {@code groups} replaces the role. */
    public static String token(String role, String partnerId, Map<String, Object> moreClaims) {
        return token(role, partnerId, Duration.ofHours(1), moreClaims);
    }

    /**
     * A token as {@link #token(String, String)} makes, same issuer and claims, but signed by another RSA key made for
     * this test JVM, whose public key no service was given: what a forger or another identity provider would send.
     */
    public static String signedByAnotherKey(String role, String partnerId) {
        return claims(role, partnerId, Map.of()).expiresIn(Duration.ofHours(1)).sign(ForeignKey.KEYS.getPrivate());
    }

    /** A token signed with the services' key, issued two hours ago, that expired an hour ago. */
    public static String expired(String role, String partnerId) {
        long now = System.currentTimeMillis() / 1000;
        return claims(role, partnerId, Map.of()).issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(KEYS.getPrivate());
    }

    /** The claims of {@link #token(String, String)} with no signature at all: the header says {@code "alg": "none"}. */
    public static String unsigned(String role, String partnerId) {
        String payload = token(role, partnerId).split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String token(String role, String partnerId, Duration lifetime, Map<String, Object> moreClaims) {
        return claims(role, partnerId, moreClaims).expiresIn(lifetime).sign(KEYS.getPrivate());
    }

    private static JwtClaimsBuilder claims(String role, String partnerId, Map<String, Object> moreClaims) {
        var claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-" + UUID.randomUUID())
                .upn(role + "@kulturpass.test")
                .groups(Set.of(role));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        moreClaims.forEach(claims::claim);
        return claims;
    }

    /** The other key, made only when a test asks for a foreign-signed token. */
    private static final class ForeignKey {
        static final KeyPair KEYS = generate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
