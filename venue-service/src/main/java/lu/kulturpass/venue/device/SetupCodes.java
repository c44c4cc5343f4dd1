package lu.kulturpass.venue.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.venue.partner.Venue;

/**
 * One-time setup codes: issued to a venue manager for a device (shown with the scanner page's pairing address as a QR
 * code, the code in the address's fragment so it never reaches a request line or a log), valid 10 minutes, dead after
 * their first use. Redeeming one gives the device a new secret; only the SHA-256 of each is stored.
 */
@ApplicationScoped
public class SetupCodes {

    static final Duration VALIDITY = Duration.ofMinutes(10);

    /** A setup code as shown once: the code (grouped by 4), until when, the pairing address and its QR code (PNG data URL). */
    public record Setup(String code, OffsetDateTime expiresAt, String pairingAddress, String qrCode) {
    }

    /** A device just paired, and the secret its cookie will hold. */
    record Paired(DoorDevice device, String venueName, String secret) {
    }

    private final Optional<String> publicUrl;
    private final PairedDevices devices;
    private final ProgrammeCalendar calendar;

    public SetupCodes(VenueAddress address, PairedDevices devices,
                      ProgrammeCalendar calendar) {
        this.publicUrl = address.publicUrl();
        this.devices = devices;
        this.calendar = calendar;
    }

    /** A new setup code for the device; its earlier unused codes stop working. In the caller's transaction. */
    Setup issue(DoorDevice device, UriInfo uri) {
        PairingCode.delete("deviceId = ?1 and usedAt is null", device.id);
        String code = Secrets.setupCode();
        PairingCode stored = new PairingCode();
        stored.codeHash = Secrets.sha256(code);
        stored.deviceId = device.id;
        stored.expiresAt = calendar.nowUtc().plus(VALIDITY);
        stored.persist();
        String base = publicUrl.map(url -> url.endsWith("/") ? url : url + "/").orElse(uri.getBaseUri().toString());
        String address = base + "scanner/#pair=" + code;
        return new Setup(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8), stored.expiresAt, address,
                PairingQr.pngDataUrl(address));
    }

    /** Pairs the device the code was issued for: the code is used up, the device gets a new secret. 404 or 410 with why, else. */
    @Transactional
    Paired redeem(String typed) {
        String code = Secrets.normalisedCode(typed);
        PairingCode stored = code.length() != Secrets.CODE_LENGTH ? null
                : PairingCode.findById(Secrets.sha256(code), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            throw ProblemException.notFound(Words.of(DeviceWords.class).setupCodeUnknown());
        }
        OffsetDateTime now = calendar.nowUtc();
        if (stored.usedAt != null) {
            throw new ProblemException(410, "Setup code used", Words.of(DeviceWords.class).setupCodeUsed());
        }
        if (!stored.expiresAt.isAfter(now)) {
            throw new ProblemException(410, "Setup code expired", Words.of(DeviceWords.class).setupCodeExpired());
        }
        DoorDevice device = DoorDevice.findById(stored.deviceId, LockModeType.PESSIMISTIC_WRITE);
        if (device.revoked()) {
            throw new ProblemException(410, "Device revoked", Words.of(DeviceWords.class).setupCodeOfRevokedDevice());
        }
        stored.usedAt = now;
        String secret = Secrets.deviceSecret();
        device.secretHash = Secrets.sha256(secret);
        device.pairedAt = now;
        devices.forget(device.id);
        Venue venue = Venue.findById(device.venueId);
        return new Paired(device, venue == null ? device.venueId : venue.name, secret);
    }
}
