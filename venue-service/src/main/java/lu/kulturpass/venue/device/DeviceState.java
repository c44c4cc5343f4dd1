package lu.kulturpass.venue.device;

/** Where a door device stands for its venue's manager: added and waiting to be paired, paired, or revoked. */
public enum DeviceState {
    WAITING,
    PAIRED,
    REVOKED;

    static DeviceState of(DoorDevice device) {
        return device.revoked() ? REVOKED : device.pairedAt != null ? PAIRED : WAITING;
    }
}
