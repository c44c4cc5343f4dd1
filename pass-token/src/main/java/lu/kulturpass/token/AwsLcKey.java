package lu.kulturpass.token;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * An Ed25519 public key checked by AWS-LC through the Amazon Corretto Crypto Provider's {@code Signature}.
 * A {@code Signature} object is not safe for two threads at once, so each thread keeps its own.
 */
final class AwsLcKey implements SignatureLibrary.VerifyingKey {

    private static final ThreadLocal<Signature> CHECKS = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("Ed25519", AmazonCorrettoCryptoProvider.INSTANCE);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("AWS-LC offers no Ed25519 here", missing);
        }
    });

    private final PublicKey key;

    /** The 32 bytes, checked to be a point of the curve (by BouncyCastle, as the other library does), as a JCA key. */
    AwsLcKey(byte[] encoded) {
        try {
            byte[] subjectPublicKeyInfo = SubjectPublicKeyInfoFactory
                    .createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(encoded, 0)).getEncoded();
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalArgumentException("not an Ed25519 public key", unreadable);
        }
    }

    @Override
    public boolean verifies(byte[] message, byte[] signature, int offset) {
        Signature check = CHECKS.get();
        try {
            check.initVerify(key);
            check.update(message);
            return check.verify(signature, offset, PassTokenFormat.SIGNATURE_LENGTH);
        } catch (GeneralSecurityException refused) {
            return false;
        }
    }
}
