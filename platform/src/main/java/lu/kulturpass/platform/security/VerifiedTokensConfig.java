package lu.kulturpass.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how many verified bearer tokens {@link VerifiedBearerTokens} remembers ({@code kulturpass.security.*}). */
@ConfigMapping(prefix = "kulturpass.security")
public interface VerifiedTokensConfig {

    /** How long a verified token is remembered (never past its expiry); 0 verifies every request. */
    @WithDefault("PT60S")
    Duration verifiedTokenTtl();

    /** How many tokens are remembered at most. */
    @WithDefault("10000")
    int verifiedTokenCapacity();
}
