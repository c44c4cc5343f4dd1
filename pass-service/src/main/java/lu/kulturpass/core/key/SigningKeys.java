package lu.kulturpass.core.key;

import lu.kulturpass.core.pass.PassWords;
import lu.kulturpass.platform.words.Words;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lu.kulturpass.events.SigningKeyTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SigningKeyPair;
import lu.kulturpass.token.Verification;

/**
 * The keys that sign pass tokens: one signs at a time, every valid key verifies. Rotation adds a key
 * that verifiers learn at once and that starts signing after a delay, so no box office ever sees a
 * token signed with a key it does not know yet; no restart, no downtime. Retiring a key ends it.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = "Ed25519";

    private final KeyVault vault;
    private final Outbox outbox;
    private final Duration activationDelay;
    private final Map<Integer, PassTokenSigner> signers = new ConcurrentHashMap<>();
    private final PassTokenVerifier ownTokens;
    private final ProgrammeCalendar calendar;

    public SigningKeys(KeyVault vault, Outbox outbox,
                       SigningConfig config, ProgrammeCalendar calendar) {
        this.vault = vault;
        this.outbox = outbox;
        this.activationDelay = config.activationDelay();
        this.ownTokens = new PassTokenVerifier(keyId -> {
            SigningKey key = SigningKey.findById(keyId);
            return key == null ? null : Base64.getDecoder().decode(key.publicKey);
        });
        this.calendar = calendar;
    }

    public record SigningKeyView(int keyId, String algorithm, String publicKey, String status, OffsetDateTime activatedAt,
                                 boolean signing) {
    }

    /** A service with no key yet makes its first one, signing at once (once, however many replicas start at once). */
    @Transactional
    void firstKey(@Observes StartupEvent started) {
        SigningKey.lockMakingKeys();
        if (SigningKey.count("status = ?1 and encryptedPrivateKey is not null", SigningKey.VALID) == 0) {
            create(calendar.nowUtc(), "system:first-start");
        }
    }

    /** The signer of the moment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PassTokenSigner signer() {
        SigningKey key = SigningKey.signingAt(calendar.nowUtc())
                .orElseThrow(() -> ProblemException.unavailable(Words.of(PassWords.class).noSigningKeyYet()));
        return signers.computeIfAbsent(key.keyId, id -> new PassTokenSigner(id, vault.open(id, key.encryptedPrivateKey)));
    }

    /** Reads the claims of a token this service issued (to renew or replace it with the same holder check). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PassClaims claimsOf(String token) {
        if (ownTokens.verify(token) instanceof Verification.Verified verified) {
            return verified.claims();
        }
        throw new IllegalStateException("a stored token does not verify with its own key");
    }

    @Transactional
    public SigningKeyView rotate(OffsetDateTime activatesAt, String actor) {
        OffsetDateTime now = calendar.nowUtc();
        return view(create(activatesAt != null ? activatesAt : now.plus(activationDelay), actor), now);
    }

    @Transactional
    public SigningKeyView retire(int keyId, String actor) {
        SigningKey key = SigningKey.findById(keyId);
        if (key == null || SigningKey.RETIRED.equals(key.status)) {
            throw ProblemException.notFound(Words.of(PassWords.class).signingKeyNotFound(String.valueOf(keyId)));
        }
        OffsetDateTime now = calendar.nowUtc();
        if (SigningKey.signingAt(now).map(k -> k.keyId.equals(keyId)).orElse(false)) {
            throw ProblemException.conflict(Words.of(PassWords.class).signingKeyInUse(String.valueOf(keyId)));
        }
        key.status = SigningKey.RETIRED;
        key.retiredAt = now;
        signers.remove(keyId);
        outbox.record(SigningKeyTopic.TOPIC, String.valueOf(keyId), SigningKeyTopic.Retired.TYPE, SigningKeyTopic.Retired.VERSION,
                new SigningKeyTopic.Retired(keyId, now.toString(), actor));
        return view(key, now);
    }

    @Transactional
    public List<SigningKeyView> valid() {
        Integer signing = SigningKey.signingAt(calendar.nowUtc()).map(k -> k.keyId).orElse(null);
        return SigningKey.<SigningKey>list("status = ?1 order by keyId", SigningKey.VALID).stream()
                .map(k -> view(k, k.keyId.equals(signing))).toList();
    }

    private SigningKey create(OffsetDateTime activatesAt, String actor) {
        SigningKey.lockMakingKeys();
        SigningKeyPair pair = SigningKeyPair.generate();
        SigningKey key = new SigningKey();
        key.keyId = SigningKey.nextKeyId();
        key.algorithm = ALGORITHM;
        key.publicKey = Base64.getEncoder().encodeToString(pair.publicKey());
        key.encryptedPrivateKey = vault.seal(key.keyId, pair.privateKey());
        key.status = SigningKey.VALID;
        key.activatedAt = activatesAt;
        key.createdBy = actor;
        key.persist();
        outbox.record(SigningKeyTopic.TOPIC, String.valueOf(key.keyId), SigningKeyTopic.Activated.TYPE, SigningKeyTopic.Activated.VERSION,
                new SigningKeyTopic.Activated(key.keyId, key.algorithm, key.publicKey, key.activatedAt.toString()));
        return key;
    }

    private static SigningKeyView view(SigningKey key, OffsetDateTime now) {
        boolean signing = SigningKey.VALID.equals(key.status)
                && SigningKey.signingAt(now).map(k -> k.keyId.equals(key.keyId)).orElse(false);
        return view(key, signing);
    }

    private static SigningKeyView view(SigningKey key, boolean signing) {
        return new SigningKeyView(key.keyId, key.algorithm, key.publicKey, key.status, key.activatedAt, signing);
    }
}
