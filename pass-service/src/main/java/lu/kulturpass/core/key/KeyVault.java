package lu.kulturpass.core.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing keys at rest with AES-256-GCM under the master key from configuration
 * ({@code KULTURPASS_SIGNING_MASTER_KEY}: base64 of 32 bytes, from a secret store, never the
 * repository). The key id is bound as associated data, so a ciphertext cannot be moved to another id.
 */
@ApplicationScoped
public class KeyVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public KeyVault(SigningConfig config) {
        this(config.masterKey());
    }

    KeyVault(String masterKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kulturpass.signing.master-key is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("kulturpass.signing.master-key must hold 32 bytes (AES-256)");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    String seal(int keyId, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keyId, nonce, privateKey);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    byte[] open(int keyId, String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return crypt(Cipher.DECRYPT_MODE, keyId, nonce, sealed);
    }

    private byte[] crypt(int mode, int keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(4).putInt(keyId).array());
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + keyId + " cannot be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted: is the master key the one it was stored with?"), e);
        }
    }
}
