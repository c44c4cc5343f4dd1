package lu.kulturpass.token;

import java.util.function.IntFunction;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks a scanned text: format, key id, signature. Never throws on any input; every refusal comes
 * back as a {@link Verification.Rejected} with its reason. Validity dates are the caller's business.
 */
public final class PassTokenVerifier {

    private final IntFunction<byte[]> publicKeys;

    /** @param publicKeys the 32-byte Ed25519 public key for a key id, or null for an unknown key */
    public PassTokenVerifier(IntFunction<byte[]> publicKeys) {
        this.publicKeys = publicKeys;
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
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(Base45.ascii(PassTokenFormat.PREFIX), 0, PassTokenFormat.PREFIX.length());
        verifier.update(body, 0, PassTokenFormat.SIGNED_LENGTH);
        byte[] signature = java.util.Arrays.copyOfRange(body, PassTokenFormat.SIGNED_LENGTH, body.length);
        if (!verifier.verifySignature(signature)) {
            return new Verification.Rejected(TokenRejection.BAD_SIGNATURE);
        }
        PassClaims claims = PassTokenFormat.unpack(body);
        if (claims == null) {
            return new Verification.Rejected(TokenRejection.BAD_CONTENT);
        }
        return new Verification.Verified(keyId, claims);
    }
}
