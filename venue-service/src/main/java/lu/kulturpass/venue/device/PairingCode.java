package lu.kulturpass.venue.device;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A one-time setup code for a door device (only its hash): valid until it expires or is used once. */
@Entity
@Table(name = "device_pairing_code")
public class PairingCode extends PanacheEntityBase {

    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
