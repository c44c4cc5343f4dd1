package lu.kulturpass.core.key;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The public half of a key that signs pass tokens, as verifiers learn it. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    @Column(name = "key_id")
    public Integer keyId;

    @Column(nullable = false)
    public String algorithm;

    /** Base64 of the 32-byte Ed25519 public key. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "activated_at", nullable = false)
    public OffsetDateTime activatedAt;
}
