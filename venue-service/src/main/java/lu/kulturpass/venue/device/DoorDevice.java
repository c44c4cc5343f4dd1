package lu.kulturpass.venue.device;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A shared tablet or phone paired to a venue: it scans for that venue only, until its manager revokes it. */
@Entity
@Table(name = "door_device")
public class DoorDevice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public String venueId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** When a setup code last paired it; null until then. */
    @Column(name = "paired_at")
    public OffsetDateTime pairedAt;

    /** SHA-256 (hex) of the secret the device holds in its cookie; null until paired. */
    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_synced_at")
    public OffsetDateTime lastSyncedAt;

    /** The pseudonymous id of the last person signed in on it while it scanned or synced; null when nobody was. */
    @Column(name = "last_person")
    public String lastPerson;

    public boolean revoked() {
        return revokedAt != null;
    }
}
