package lu.kulturpass.core.key;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The signing keys' settings ({@code kulturpass.signing.*}). */
@ConfigMapping(prefix = "kulturpass.signing")
public interface SigningConfig {

    /** The key the signing keys are stored encrypted under: base64 of 32 bytes, from a secret store ({@link KeyVault}). */
    String masterKey();

    /** How long after its rotation a key starts signing: verifiers learn it first. */
    @WithDefault("PT2M")
    Duration activationDelay();
}
