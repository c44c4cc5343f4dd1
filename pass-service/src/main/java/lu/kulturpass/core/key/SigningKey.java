package lu.kulturpass.core.key;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A key that signs pass tokens. Its private half is stored encrypted under the master key; its public
 * half is published to verifiers. VALID keys verify; the newest VALID key whose activation time has
 * come also signs. RETIRED keys do neither.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    public static final String VALID = "VALID";
    public static final String RETIRED = "RETIRED";

    @Id
    @Column(name = "key_id")
    public Integer keyId;

    @Column(nullable = false)
    public String algorithm;

    /** Base64 of the 32-byte Ed25519 public key. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    /** Base64 of nonce + AES-GCM ciphertext of the private key (see {@link KeyVault}). */
    @Column(name = "encrypted_private_key")
    public String encryptedPrivateKey;

    @Column(nullable = false)
    public String status;

    /** When it starts signing; verifiers learn it at once, so they know it before it is used. */
    @Column(name = "activated_at", nullable = false)
    public OffsetDateTime activatedAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "created_by")
    public String createdBy;

    static Optional<SigningKey> signingAt(OffsetDateTime moment) {
        return find("status = ?1 and encryptedPrivateKey is not null and activatedAt <= ?2 order by activatedAt desc, keyId desc",
                VALID, moment).firstResultOptional();
    }

    /** The advisory lock new keys are made under (the bytes of "KPSIGNKY"). */
    private static final long MAKING_KEYS = 0x4b50_5349_474e_4b59L;

    /**
     * Waits for, then holds until the transaction ends, the database's lock on making keys: replicas starting together on a
     * database without a key, or rotating at once, make their keys one after the other, each seeing the ones before it (a
     * first key made once; key ids never taken twice).
     */
    static void lockMakingKeys() {
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, MAKING_KEYS).getSingleResult();
    }

    static int nextKeyId() {
        Integer max = getEntityManager().createQuery("select max(k.keyId) from SigningKey k", Integer.class).getSingleResult();
        if (max == null) {
            return 1;
        }
        if (max < 0xffff) {
            return max + 1;
        }
        for (int id = 1; id <= 0xffff; id++) {
            if (findById(id) == null) {
                return id;
            }
        }
        throw new IllegalStateException("all 65535 key ids are used");
    }
}
