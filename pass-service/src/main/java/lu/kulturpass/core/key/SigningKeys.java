package lu.kulturpass.core.key;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;

/**
 * Holds the signer for the configured key and publishes its public half: in the database (served by
 * {@code GET /signing-keys}) and as a {@code signing-key.activated} event for the verifiers.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String TOPIC = "kulturpass.signing-keys";
    public static final String ALGORITHM = "Ed25519";

    private final PassTokenSigner signer;
    private final String publicKey;
    private final Outbox outbox;

    public SigningKeys(SigningConfig config, Outbox outbox) {
        byte[] privateKey;
        try {
            privateKey = Base64.getDecoder().decode(config.privateKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kulturpass.signing.private-key is not base64", e);
        }
        if (privateKey.length != 32) {
            throw new IllegalStateException("kulturpass.signing.private-key must hold 32 bytes (an Ed25519 key)");
        }
        this.signer = new PassTokenSigner(config.keyId(), privateKey);
        this.publicKey = Base64.getEncoder().encodeToString(SigningKeyPair.publicKeyOf(privateKey));
        this.outbox = outbox;
    }

    public PassTokenSigner signer() {
        return signer;
    }

    @Transactional
    void registerActiveKey(@Observes StartupEvent started) {
        SigningKey known = SigningKey.findById(signer.keyId());
        if (known != null) {
            if (!known.publicKey.equals(publicKey)) {
                throw new IllegalStateException("Key id " + signer.keyId() + " is already used by another key; "
                        + "give a new key a new id");
            }
            return;
        }
        SigningKey key = new SigningKey();
        key.keyId = signer.keyId();
        key.algorithm = ALGORITHM;
        key.publicKey = publicKey;
        key.status = "ACTIVE";
        key.activatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        key.persist();
        outbox.record(TOPIC, String.valueOf(key.keyId), "lu.kulturpass.signing-key.activated", 1,
                new SigningKeyView(key.keyId, key.algorithm, key.publicKey, key.status, key.activatedAt));
    }

    public List<SigningKeyView> valid() {
        return SigningKey.<SigningKey>list("status", "ACTIVE").stream()
                .map(k -> new SigningKeyView(k.keyId, k.algorithm, k.publicKey, k.status, k.activatedAt))
                .toList();
    }

    public record SigningKeyView(int keyId, String algorithm, String publicKey, String status, OffsetDateTime activatedAt) {
    }
}
