package lu.kulturpass.venue.device;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The venue manager's page's words (venue/, served by /words.js): the venue's door devices, pairing one with a setup code,
 * revoking one. The texts are in {@code messages/venuepage_<language>.properties}; a parameter is filled in by the page.
 */
@MessageBundle(value = "venuepage", locale = "en")
public interface VenuePageWords {

    @Message
    String venueTitle();

    @Message
    String venueSigninMissing();

    @Message
    String venueSigninForbidden();

    @Message
    String devicesTitle();

    @Message
    String devicesIntro();

    @Message
    String noDevices();

    @Message
    String deviceName();

    @Message
    String deviceNamePlaceholder();

    @Message
    String pairNew();

    @Message
    String done();

    @Message
    String setupCode();

    @Message
    String setupTitle(String device);

    @Message
    String setupHow();

    @Message
    String setupWithoutCamera();

    @Message
    String qrAlt(String device);

    @Message
    String expiresIn(String time);

    @Message
    String setupExpired();

    /** A door device's state in words (keys deviceState_WAITING…). */
    @Message
    String deviceState(DeviceState state);

    @Message
    String lastSynced(String when);

    @Message
    String neverSynced();

    @Message
    String pairedAt(String when);

    @Message
    String revokedAt(String when);

    @Message
    String lastPerson(String person);

    @Message
    String newCode();

    @Message
    String revoke();

    @Message
    String confirmRevoke(String device);

    @Message
    String yesRevoke();

    @Message
    String cancel();

    @Message
    String deviceRevoked(String device);

    @Message
    String actionFailed(String problem);
}
