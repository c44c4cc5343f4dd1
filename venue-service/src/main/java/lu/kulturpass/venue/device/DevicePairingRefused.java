package lu.kulturpass.venue.device;

import io.quarkus.security.AuthenticationFailedException;
import lu.kulturpass.platform.words.Words;

/**
 * Why a door device's cookie was refused: its pairing was revoked, or no device holds it (paired again since, or never).
 * Thrown as the cause of an {@link AuthenticationFailedException} (which cannot be extended); answered 401 with a sentence in the caller's language,
 * and the cookie taken away so that a person can still sign in on the device ({@link DevicePairingRefusedMapper}).
 */
public class DevicePairingRefused extends RuntimeException {

    private final boolean revoked;
    private final boolean https;

    private DevicePairingRefused(boolean revoked, boolean https) {
        super(revoked ? "door device pairing revoked" : "door device pairing unknown", null, false, false);
        this.revoked = revoked;
        this.https = https;
    }

    /** {@code revoked}: the pairing was revoked; otherwise no device holds the cookie. */
    static AuthenticationFailedException refusal(boolean revoked, boolean https) {
        DevicePairingRefused refused = new DevicePairingRefused(revoked, https);
        return new AuthenticationFailedException(refused.getMessage(), refused);
    }

    /** What happened and what to do, in the caller's language. */
    String sentence() {
        DeviceWords words = Words.of(DeviceWords.class);
        return revoked ? words.devicePairingRevoked() : words.devicePairingUnknown();
    }

    boolean https() {
        return https;
    }
}
