package lu.kulturpass.venue.admission;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One scan to decide: at which venue, by whom, on which device, for which performance, and when. A
 * live scan happens now; an offline scan synced later carries the device's time and whether the
 * offline scanner let the holder in.
 */
public record Scan(String venueId, String nonce, String token, String code, String device, UUID performanceId,
                   String scannedBy, OffsetDateTime scannedAt, boolean offline, boolean admittedOffline) {

    public static Scan live(String venueId, ScanRequest request, String scannedBy) {
        return new Scan(venueId, request.nonce(), request.token(), request.code(), request.device(), request.performanceId(),
                scannedBy, null, false, false);
    }
}
