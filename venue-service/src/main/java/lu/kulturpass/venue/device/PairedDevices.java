package lu.kulturpass.venue.device;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/**
 * Paired devices by their secret, remembered for a short while ({@code kulturpass.device.remembered}, default 30 s) so that
 * a device's scans do not each read the database: a revocation reaches this replica at once, and other replicas within that
 * time. And when each device was last seen: {@code last_synced_at} (and the person signed in on it) is written at most once
 * a minute per device ({@code kulturpass.device.sync-interval}), off the request's thread, so a scan adds no write.
 */
@ApplicationScoped
public class PairedDevices {

    private static final Logger LOG = Logger.getLogger(PairedDevices.class);

    /** A paired device as a request sees it. */
    public record Paired(UUID id, String venueId, String name, boolean revoked) {
    }

    private record Remembered(Optional<Paired> device, long untilMillis) {
    }

    private record Seen(long atMillis, String person) {
    }

    private final Map<String, Remembered> bySecretHash = new ConcurrentHashMap<>();
    private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
    private final long rememberMillis;
    private final long syncIntervalMillis;
    private final ProgrammeCalendar calendar;

    public PairedDevices(DeviceConfig config, ProgrammeCalendar calendar) {
        this.rememberMillis = config.remembered().toMillis();
        this.syncIntervalMillis = config.syncInterval().toMillis();
        this.calendar = calendar;
    }

    /** The device remembered for this secret, or null when it must be read ({@link #read}). */
    Optional<Paired> recall(String secret) {
        Remembered known = bySecretHash.get(Secrets.sha256(secret));
        return known == null || known.untilMillis() <= System.currentTimeMillis() ? null : known.device();
    }

    /** Reads the device holding this secret from the database (blocking), and remembers it. */
    Optional<Paired> read(String secret) {
        String hash = Secrets.sha256(secret);
        Optional<Paired> device = QuarkusTransaction.joiningExisting().call(() ->
                DoorDevice.<DoorDevice>find("secretHash", hash).firstResultOptional()
                        .map(d -> new Paired(d.id, d.venueId, d.name, d.revoked())));
        if (rememberMillis > 0) {
            if (bySecretHash.size() > 10_000) {
                bySecretHash.clear();
            }
            bySecretHash.put(hash, new Remembered(device, System.currentTimeMillis() + rememberMillis));
        }
        return device;
    }

    /** Forgets what this replica remembers of a device (revoked or paired again here). */
    void forget(UUID deviceId) {
        bySecretHash.values().removeIf(known -> known.device().map(d -> d.id().equals(deviceId)).orElse(false));
    }

    /**
     * The device scanned, synced or fetched its kit now, with this person signed in on it (null: nobody). Writes its
     * last synced time when the last write is a minute old or the person changed, on a worker thread: the caller never waits.
     */
    public void seen(UUID deviceId, String person) {
        long now = System.currentTimeMillis();
        Seen last = seen.get(deviceId);
        if (last != null && now - last.atMillis() < syncIntervalMillis && Objects.equals(last.person(), person)) {
            return;
        }
        Seen current = new Seen(now, person);
        boolean mine = last == null ? seen.putIfAbsent(deviceId, current) == null : seen.replace(deviceId, last, current);
        if (!mine) {
            return; // another request of this device writes it
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                OffsetDateTime at = calendar.nowUtc();
                QuarkusTransaction.requiringNew().run(() -> {
                    if (person == null) {
                        DoorDevice.update("lastSyncedAt = ?1 where id = ?2", at, deviceId);
                    } else {
                        DoorDevice.update("lastSyncedAt = ?1, lastPerson = ?2 where id = ?3", at, person, deviceId);
                    }
                });
            } catch (RuntimeException failed) {
                seen.remove(deviceId, current);
                LOG.warnf("Could not record when door device %s was last seen: %s", deviceId, failed.toString());
            }
        });
    }
}
