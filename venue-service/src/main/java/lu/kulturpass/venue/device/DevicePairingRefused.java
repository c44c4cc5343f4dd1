package lu.kulturpass.venue.device;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Why a door device's cookie was refused: its pairing was revoked, or no device holds it (paired again since, or never).
 * Thrown as the cause of an {@link AuthenticationFailedException} (which cannot be extended); answered 401 with the sentence,
 * and the cookie taken away so that a person can still sign in on the device ({@link DevicePairingRefusedMapper}).
 */
public class DevicePairingRefused extends RuntimeException {

    static final String REVOKED = "This device's pairing was revoked by the venue's manager: it can no longer scan for the venue."
            + " A manager can pair it again from the venue page, or a box-office person can sign in on it.";
    static final String UNKNOWN = "This device's pairing is not known (any more): pair it again from the venue page,"
            + " or sign in as a box-office person.";

    private final boolean https;

    private DevicePairingRefused(String sentence, boolean https) {
        super(sentence, null, false, false);
        this.https = https;
    }

    static AuthenticationFailedException refusal(String sentence, boolean https) {
        return new AuthenticationFailedException(sentence, new DevicePairingRefused(sentence, https));
    }

    boolean https() {
        return https;
    }
}
