package lu.kulturpass.venue.device;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;

/**
 * Who a box-office request is recorded as: on a paired door device, the device (its id, not the device name the body
 * states) and the person signed in on it, if anyone (their pseudonymous id); elsewhere, as before, the person and the
 * device name the body states. A person of one venue signed in on a device paired to another is refused (403).
 */
@RequestScoped
public class ScanningDevice {

    /** What a scan or an undo records: the device's name or id, the paired device (null if none), the person (null if none). */
    public record Recorder(String device, UUID pairedDevice, String person) {
    }

    private final SecurityIdentity identity;
    private final Caller caller;
    private final PairedDevices devices;

    public ScanningDevice(SecurityIdentity identity, Caller caller, PairedDevices devices) {
        this.identity = identity;
        this.caller = caller;
        this.devices = devices;
    }

    /** Who this request is recorded as; {@code statedDevice} is the body's device name, used only without a paired device. */
    public Recorder recorder(String statedDevice) {
        PairedDevices.Paired device = paired();
        if (device == null) {
            return new Recorder(statedDevice, null, caller.userId());
        }
        String person = personSignedIn() ? caller.userId() : null;
        devices.seen(device.id(), person);
        return new Recorder(device.id().toString(), device.id(), person);
    }

    /** The paired device the request came from (null: none); a person of another venue signed in on it: 403. */
    public PairedDevices.Paired paired() {
        PairedDevices.Paired device = identity.getAttribute(DeviceAuthentication.DEVICE);
        if (device != null && personSignedIn() && !device.venueId().equals(caller.partnerId())) {
            throw ProblemException.forbidden(Words.of(DeviceWords.class).devicePairedToAnotherVenue());
        }
        return device;
    }

    /** Whether a person is the caller (signed in on the device, or no device at all), rather than the device alone. */
    public boolean personSignedIn() {
        return !Boolean.TRUE.equals(identity.getAttribute(DeviceAuthentication.DEVICE_ALONE));
    }

    /** The device synced or fetched its offline kit: its last synced time moves (a person on another venue's device: 403). */
    public void synced() {
        recorder(null);
    }
}
