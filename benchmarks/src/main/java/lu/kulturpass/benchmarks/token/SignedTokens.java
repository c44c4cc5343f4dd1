package lu.kulturpass.benchmarks.token;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;

/**
 * Valid tokens signed by one fresh key, and for each the signed message ("K1" + 16 bytes) and the
 * signature it carries, so that raw BouncyCastle checks exactly what the token verifier checks.
 */
final class SignedTokens {

    static final int KEY_ID = 1;
    static final int COUNT = 256;
    private static final String PREFIX = "K1";
    private static final int SIGNED_LENGTH = 16;

    final SigningKeyPair key = SigningKeyPair.generate();
    final String[] tokens = new String[COUNT];
    final byte[][] messages = new byte[COUNT][];
    final byte[][] signatures = new byte[COUNT][];

    SignedTokens() {
        PassTokenSigner signer = new PassTokenSigner(KEY_ID, key.privateKey());
        LocalDate from = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < COUNT; i++) {
            PassClaims claims = new PassClaims(1_000_000L + i * 7919L, from, from.plusYears(2).minusDays(1),
                    PassCategory.ADULT, 1, "MS", 1960 + i % 60);
            tokens[i] = signer.sign(claims);
            byte[] body = base45Decode(tokens[i].substring(PREFIX.length()));
            messages[i] = concat(PREFIX.getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(body, SIGNED_LENGTH));
            signatures[i] = Arrays.copyOfRange(body, SIGNED_LENGTH, body.length);
        }
    }

    byte[] publicKey(int keyId) {
        return keyId == KEY_ID ? key.publicKey() : null;
    }

    /** pass-token's own RFC 9285 decoder: package-private, so reached by reflection, in set-up only. */
    private static byte[] base45Decode(String text) {
        try {
            Method decode = Class.forName("lu.kulturpass.token.Base45").getDeclaredMethod("decode", String.class);
            decode.setAccessible(true);
            return (byte[]) decode.invoke(null, text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pass-token's Base45 decoder moved", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
