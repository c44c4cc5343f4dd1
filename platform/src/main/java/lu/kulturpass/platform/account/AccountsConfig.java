package lu.kulturpass.platform.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How a service reaches Keycloak's admin API to manage staff accounts ({@code kulturpass.accounts.*}). */
@ConfigMapping(prefix = "kulturpass.accounts")
public interface AccountsConfig {

    /** The realm's admin address, e.g. {@code https://sign-in.example/admin/realms/kulturpass}; by default derived from the OIDC server's. */
    Optional<String> adminUrl();

    /** The service account's client. */
    @WithDefault("kulturpass-accounts")
    String clientId();

    /** The service account's secret; without it account management answers 503. */
    Optional<String> clientSecret();
}
