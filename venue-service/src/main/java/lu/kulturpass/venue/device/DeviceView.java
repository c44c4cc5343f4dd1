package lu.kulturpass.venue.device;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A door device as its venue's manager sees it. {@code state}: {@link DeviceState}.
 * {@code lastPerson}: the pseudonymous id of the last person signed in on it when it scanned or synced (null: nobody yet).
 */
public record DeviceView(UUID deviceId, String name, DeviceState state, OffsetDateTime createdAt, OffsetDateTime pairedAt,
                         OffsetDateTime lastSyncedAt, OffsetDateTime revokedAt, String lastPerson) {

    static DeviceView of(DoorDevice device) {
        return new DeviceView(device.id, device.name, DeviceState.of(device), device.createdAt, device.pairedAt, device.lastSyncedAt, device.revokedAt,
                device.lastPerson);
    }
}
