package lu.kulturpass.token;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** A fresh Ed25519 key pair for signing pass tokens. */
public record SigningKeyPair(byte[] privateKey, byte[] publicKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static SigningKeyPair generate() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(RANDOM);
        return new SigningKeyPair(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    /** The public key that belongs to a 32-byte private key. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }
}
