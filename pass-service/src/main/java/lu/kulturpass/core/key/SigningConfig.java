package lu.kulturpass.core.key;

import io.smallrye.config.ConfigMapping;

/**
 * The active signing key, from configuration (an environment variable or a secret), never from the
 * repository: {@code KULTURPASS_SIGNING_KEY_ID} and {@code KULTURPASS_SIGNING_PRIVATE_KEY} (base64 of
 * the 32-byte Ed25519 private key; {@code deploy/local/up} makes one for the local stack).
 */
@ConfigMapping(prefix = "kulturpass.signing")
public interface SigningConfig {

    int keyId();

    String privateKey();
}
