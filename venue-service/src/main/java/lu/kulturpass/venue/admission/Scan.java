package lu.kulturpass.venue.admission;

import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.venue.device.ScanningDevice;

/**
 * One scan to decide: at which venue, by whom (null: a paired device nobody signed in on), on which device (a paired one:
 * its id), for which performance, and when. A live scan happens now; an offline scan synced later carries the device's
 * time and whether the offline scanner let the holder in ({@link Scanning}).
 */
public record Scan(String venueId, String nonce, String token, String code, String device, UUID pairedDevice, UUID performanceId,
                   String scannedBy, OffsetDateTime scannedAt, Scanning scanning) {

    /** A scan now, recorded as the request's device and person ({@link ScanningDevice}). */
    public static Scan live(String venueId, ScanRequest request, ScanningDevice.Recorder by) {
        return new Scan(venueId, request.nonce(), request.token(), request.code(), by.device(), by.pairedDevice(), request.performanceId(),
                by.person(), null, Scanning.LIVE);
    }
}
