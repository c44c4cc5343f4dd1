package lu.kulturpass.venue.key;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A public key that verifies pass tokens, as pass-service published it. */
@Entity
@Table(name = "verification_key")
public class VerificationKey extends PanacheEntityBase {

    @Id
    @Column(name = "key_id")
    public Integer keyId;

    /** Base64 of the 32-byte Ed25519 public key. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "activated_at", nullable = false)
    public OffsetDateTime activatedAt;
}
