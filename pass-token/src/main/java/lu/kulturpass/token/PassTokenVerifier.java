package lu.kulturpass.token;

import java.util.function.IntFunction;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Checks a scanned text: format, key id, signature. Never throws on any input; every refusal comes
 * back as a {@link Verification.Rejected} with its reason. Validity dates are the caller's business.
 */
public final class PassTokenVerifier {

    private static final byte[] PREFIX = Base45.ascii(PassTokenFormat.PREFIX);

    private final IntFunction<byte[]> publicKeys;
    private final PublicKeyCache decodedKeys;

    /**
     * Checks signatures with the library in use here ({@link SignatureLibrary#inUse()}).
     *
     * @param publicKeys the 32-byte Ed25519 public key for a key id, or null for an unknown key
     */
    public PassTokenVerifier(IntFunction<byte[]> publicKeys) {
        this(publicKeys, SignatureLibrary.inUse());
    }

    /** Checks signatures with the given library (the tests compare them). */
    public PassTokenVerifier(IntFunction<byte[]> publicKeys, SignatureLibrary library) {
        this.publicKeys = publicKeys;
        this.decodedKeys = new PublicKeyCache(library);
    }

    public Verification verify(String token) {
        try {
            return checkWithoutSafetyNet(token);
        } catch (RuntimeException unexpected) {
            return new Verification.Rejected(TokenRejection.BAD_CONTENT);
        }
    }

    /**
     * The checks themselves, without the catch-all that {@link #verify} adds as a last line of defence;
     * the tests and the fuzzer call this so that any exception an input provokes shows up as a bug.
     */
    Verification checkWithoutSafetyNet(String token) {
        if (token == null || token.isBlank()) {
            return new Verification.Rejected(TokenRejection.EMPTY);
        }
        String text = token.strip();
        if (!text.startsWith(PassTokenFormat.PREFIX)) {
            return new Verification.Rejected(TokenRejection.UNKNOWN_VERSION);
        }
        byte[] body = Base45.decode(text.substring(PassTokenFormat.PREFIX.length()));
        if (body == null) {
            return new Verification.Rejected(TokenRejection.NOT_ENCODED);
        }
        if (body.length != PassTokenFormat.TOTAL_LENGTH) {
            return new Verification.Rejected(TokenRejection.WRONG_LENGTH);
        }
        int keyId = PassTokenFormat.keyId(body);
        byte[] publicKey = publicKeys.apply(keyId);
        if (publicKey == null || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return new Verification.Rejected(TokenRejection.UNKNOWN_KEY);
        }
        if (!signatureMatches(decodedKeys.decoded(keyId, publicKey), body)) {
            return new Verification.Rejected(TokenRejection.BAD_SIGNATURE);
        }
        PassClaims claims = PassTokenFormat.unpack(body);
        if (claims == null) {
            return new Verification.Rejected(TokenRejection.BAD_CONTENT);
        }
        return new Verification.Verified(keyId, claims);
    }

    /** Ed25519 over the prefix and the 16 claim bytes, against the 64 bytes that follow them in the body. */
    private static boolean signatureMatches(SignatureLibrary.VerifyingKey key, byte[] body) {
        byte[] message = new byte[PREFIX.length + PassTokenFormat.SIGNED_LENGTH];
        System.arraycopy(PREFIX, 0, message, 0, PREFIX.length);
        System.arraycopy(body, 0, message, PREFIX.length, PassTokenFormat.SIGNED_LENGTH);
        return key.verifies(message, body, PassTokenFormat.SIGNED_LENGTH);
    }
}
