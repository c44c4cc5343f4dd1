package lu.kulturpass.token;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Signs pass claims into the text a QR code holds. Thread-safe. */
public final class PassTokenSigner {

    private final int keyId;
    private final Ed25519PrivateKeyParameters privateKey;

    /**
     * @param keyId      the id verifiers know the matching public key by (0..65535)
     * @param privateKey the 32-byte Ed25519 private key
     */
    public PassTokenSigner(int keyId, byte[] privateKey) {
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("key id must fit 16 bits");
        }
        this.keyId = keyId;
        this.privateKey = new Ed25519PrivateKeyParameters(privateKey, 0);
    }

    public int keyId() {
        return keyId;
    }

    public String sign(PassClaims claims) {
        byte[] signed = PassTokenFormat.pack(keyId, claims);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(Base45.ascii(PassTokenFormat.PREFIX), 0, PassTokenFormat.PREFIX.length());
        signer.update(signed, 0, signed.length);
        byte[] signature = signer.generateSignature();
        byte[] body = new byte[PassTokenFormat.TOTAL_LENGTH];
        System.arraycopy(signed, 0, body, 0, signed.length);
        System.arraycopy(signature, 0, body, signed.length, signature.length);
        return PassTokenFormat.PREFIX + Base45.encode(body);
    }
}
