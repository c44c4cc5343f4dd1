package lu.kulturpass.venue.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random values of pairing: a device's secret (256 bits, base64url, held only in its HttpOnly cookie) and a setup code
 * (12 characters of Crockford's base 32, 60 bits, shown to the venue manager), each stored only as its SHA-256. A code lives
 * 10 minutes and is used once, so guessing one is out of reach; it is looked up by its hash, so the lookup's time says
 * nothing about how close a guess came.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final int CODE_LENGTH = 12;

    private Secrets() {
    }

    /** A new device secret: 32 random bytes, base64url without padding (43 characters). */
    static String deviceSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new setup code, e.g. {@code 7KQ2-M9XD-4TNV} without the dashes. */
    static String setupCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** A typed code as the server keeps it: upper case, without spaces or dashes; I, L read as 1 and O as 0 (Crockford). */
    static String normalisedCode(String typed) {
        return typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
