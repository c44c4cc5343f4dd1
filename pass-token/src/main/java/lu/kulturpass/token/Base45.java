package lu.kulturpass.token;

import java.nio.charset.StandardCharsets;

/**
 * Base45 (RFC 9285): bytes as characters of the QR code's alphanumeric mode, 3 characters per 2 bytes.
 * Small enough to keep here rather than pull a dependency for it.
 */
final class Base45 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length + 1) / 2 * 3);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            int n = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (bytes.length % 2 == 1) {
            int n = bytes[bytes.length - 1] & 0xff;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** Decodes, or returns null when the text is not valid Base45. */
    static byte[] decode(String text) {
        if (text.length() % 3 == 1) {
            return null;
        }
        byte[] out = new byte[text.length() / 3 * 2 + (text.length() % 3 == 2 ? 1 : 0)];
        int written = 0;
        for (int i = 0; i < text.length(); i += 3) {
            int remaining = Math.min(3, text.length() - i);
            int n = 0;
            int factor = 1;
            for (int j = 0; j < remaining; j++) {
                int v = valueOf(text.charAt(i + j));
                if (v < 0) {
                    return null;
                }
                n += v * factor;
                factor *= 45;
            }
            if (n > (remaining == 3 ? 0xffff : 0xff)) {
                return null;
            }
            if (remaining == 3) {
                out[written++] = (byte) (n >> 8);
            }
            out[written++] = (byte) n;
        }
        return out;
    }

    private static int valueOf(char c) {
        return c < 128 ? VALUE[c] : -1;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
