package lu.kulturpass.venue.device;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The door devices' words in the API's answers: adding and pairing a device, a pairing refused or revoked (which the
 * scanner page, served these words too, also says when its pairing ends). The texts are in
 * {@code messages/device_<language>.properties}.
 */
@MessageBundle(value = "device", locale = "en")
public interface DeviceWords {

    @Message
    String deviceAsJson();

    @Message
    String deviceNameRequired();

    @Message
    String deviceNameTooLong();

    @Message
    String setupCodeAsJson();

    @Message
    String setupCodeRequired();

    @Message
    String setupCodeUnknown();

    @Message
    String setupCodeUsed();

    @Message
    String setupCodeExpired();

    @Message
    String setupCodeOfRevokedDevice();

    @Message
    String tooManyPairingAttempts();

    @Message
    String revokedDeviceNeedsAdding();

    @Message
    String noDoorDeviceAtYourVenue(String deviceId);

    @Message
    String doorDeviceOfAnotherVenue(String deviceId);

    @Message
    String notAPairedDevice();

    @Message
    String devicePairedToAnotherVenue();

    @Message
    String devicePairingRevoked();

    @Message
    String devicePairingUnknown();
}
