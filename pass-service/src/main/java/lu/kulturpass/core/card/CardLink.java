package lu.kulturpass.core.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The capability link to a pass's mobile card: whoever holds the secret sees the card, as whoever
 * holds the printed card does. One per pass; only the secret's SHA-256 is stored.
 */
@Entity
@Table(name = "card_link")
public class CardLink extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in URL-safe base64 without padding: 256 bits, unguessable. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Id
    @Column(name = "pass_id")
    public Long passId;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Makes a new secret for the pass, replacing any earlier link, made {@code at}; returns the secret (shown once). */
    static String renew(long passId, String createdBy, OffsetDateTime at) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CardLink link = CardLink.<CardLink>findByIdOptional(passId).orElseGet(CardLink::new);
        link.passId = passId;
        link.secretHash = hash(secret);
        link.createdAt = at;
        link.createdBy = createdBy;
        link.persist();
        return secret;
    }

    /** The link a secret opens, if any. */
    static Optional<CardLink> opened(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return find("secretHash", hash(secret)).firstResultOptional();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
