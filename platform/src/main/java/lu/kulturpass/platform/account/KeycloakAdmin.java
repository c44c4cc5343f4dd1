package lu.kulturpass.platform.account;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keycloak's admin REST API as the service account {@code kulturpass-accounts} (client credentials, through Quarkus's
 * OIDC client; its token is kept and fetched again when it expires). Configured by
 * <ul>
 *   <li>{@code KULTURPASS_ACCOUNTS_CLIENT_SECRET} ({@code kulturpass.accounts.client-secret}): the client's secret;</li>
 *   <li>{@code KULTURPASS_ACCOUNTS_ADMIN_URL} ({@code kulturpass.accounts.admin-url}), e.g.
 *       {@code https://sign-in.example/admin/realms/kulturpass}; by default derived from {@code quarkus.oidc.auth-server-url}
 *       ({@code …/realms/kulturpass} → {@code …/admin/realms/kulturpass});</li>
 *   <li>{@code kulturpass.accounts.client-id}, {@code kulturpass-accounts} by default.</li>
 * </ul>
 * Without a secret or an address (the services' own tests verify tokens with a public key and run no Keycloak) nothing
 * is built, and every use answers 503: account management is not configured on this installation.
 */
@ApplicationScoped
public class KeycloakAdmin {

    static final String PARTNER_ATTRIBUTE = "partner_id";
    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);
    private static final String REALM_PATH = "/realms/";
    private static final String ADMIN_REALM_PATH = "/admin/realms/";

    private final Optional<String> adminUrl;
    private final Optional<String> realmUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final OidcClients oidcClients;
    private volatile KeycloakUsers users;
    private volatile OidcClient tokenClient;
    private volatile Tokens tokens;

    public KeycloakAdmin(AccountsConfig config,
                         @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                         OidcClients oidcClients) {
        this.adminUrl = config.adminUrl().filter(url -> !url.isBlank()).or(() -> authServerUrl.flatMap(KeycloakAdmin::adminUrlOf))
                .map(KeycloakAdmin::trimmed);
        this.realmUrl = this.adminUrl.map(url -> url.replace(ADMIN_REALM_PATH, REALM_PATH));
        this.clientId = config.clientId();
        this.clientSecret = config.clientSecret().filter(secret -> !secret.isBlank());
        this.oidcClients = oidcClients;
    }

    /** {@code …/realms/x} → {@code …/admin/realms/x}; empty when the address is no Keycloak realm's. */
    static Optional<String> adminUrlOf(String realmUrl) {
        int at = realmUrl.lastIndexOf(REALM_PATH);
        return at < 0 || realmUrl.contains(ADMIN_REALM_PATH) ? Optional.empty()
                : Optional.of(realmUrl.substring(0, at) + ADMIN_REALM_PATH + trimmed(realmUrl.substring(at + REALM_PATH.length())));
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether this installation can manage accounts: an admin address and the service account's secret. */
    public boolean configured() {
        return adminUrl.isPresent() && clientSecret.isPresent();
    }

    /** A 503 unless configured. */
    public void requireConfigured() {
        if (!configured()) {
            throw ProblemException.unavailable(Words.of(AccountsWords.class).accountManagementNotConfigured());
        }
    }

    /** People's accounts of one partner (attribute partner_id exactly), or every person's when partnerId is null (at most 1000). */
    public List<KeycloakUsers.User> users(String partnerId) {
        return call(() -> users().search(partnerId == null ? null : PARTNER_ATTRIBUTE + ":" + partnerId, false, 0, 1000)).stream()
                .filter(KeycloakUsers.User::person).filter(user -> partnerId == null || partnerId.equals(user.partnerId())).toList();
    }

    /** The user, or a 404 when Keycloak has none with that id. */
    public KeycloakUsers.User user(String id) {
        return call(() -> users().get(id));
    }

    /** The user's realm roles' names. */
    public List<String> realmRoles(String id) {
        return call(() -> users().realmRoles(id).stream().map(KeycloakUsers.Role::name).toList());
    }

    /** Creates the user, gives it these realm roles, and returns its id; a 409 when the user name or e-mail is taken. */
    public String create(KeycloakUsers.User user, List<String> roles) {
        String id = call(() -> {
            try (Response created = users().create(user)) {
                if (created.getStatus() != 201) {
                    throw refusal(created.getStatus(), reason(created));
                }
                String location = created.getHeaderString(HttpHeaders.LOCATION);
                return location.substring(location.lastIndexOf('/') + 1);
            }
        });
        try {
            call(() -> {
                List<KeycloakUsers.Role> given = users().availableRealmRoles(id).stream().filter(role -> roles.contains(role.name())).toList();
                if (given.size() != roles.size()) {
                    throw ProblemException.unavailable(Words.of(AccountsWords.class).accountRealmLacksRoles(String.join(", ", roles)));
                }
                users().addRealmRoles(id, given);
                return null;
            });
        } catch (RuntimeException failed) {
            delete(id);
            throw failed;
        }
        return id;
    }

    public void setEnabled(String id, boolean enabled) {
        call(() -> {
            users().update(id, KeycloakUsers.User.enabled(enabled));
            return null;
        });
    }

    /** Removes a user made moments ago whose invitation could not be completed; logged, never thrown. */
    public void delete(String id) {
        try {
            call(() -> {
                users().delete(id);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf("Could not remove the Keycloak user %s of an invitation that failed: %s", id, e.getMessage());
        }
    }

    /** Runs a call, saying what Keycloak's refusal means: 404 and 409 as they are, 400 with Keycloak's reason, else 503. */
    private <T> T call(Supplier<T> request) {
        requireConfigured();
        try {
            freshToken();
            return request.get();
        } catch (WebApplicationException refused) {
            throw refusal(refused.getResponse().getStatus(), reason(refused.getResponse()));
        } catch (ProcessingException | io.quarkus.oidc.client.OidcClientException unreachable) {
            LOG.warnf("Keycloak's admin API cannot be reached: %s", unreachable.toString());
            tokens = null;
            throw ProblemException.unavailable(Words.of(AccountsWords.class).accountKeycloakUnreachable());
        }
    }

    /** What Keycloak's refusal means here: 404 and 409 as they are, 400 with Keycloak's reason, else 503. */
    private static ProblemException refusal(int status, String reason) {
        if (status == 404) {
            return ProblemException.notFound(Words.of(AccountsWords.class).accountNotFound());
        }
        if (status == 409) {
            return ProblemException.conflict(Words.of(AccountsWords.class).accountExists());
        }
        if (status == 400) {
            return ProblemException.badRequest(Words.of(AccountsWords.class).accountKeycloakRefused(reason));
        }
        LOG.warnf("Keycloak's admin API answered %d: %s", status, reason);
        return ProblemException.unavailable(Words.of(AccountsWords.class).accountKeycloakDidNotChange(String.valueOf(status)));
    }

    private static String reason(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body.get("errorMessage");
            return message != null ? message.toString() : String.valueOf(body.get("error"));
        } catch (RuntimeException unreadable) {
            return "no reason given";
        }
    }

    private KeycloakUsers users() {
        if (users == null) {
            synchronized (this) {
                if (users == null) {
                    ClientRequestFilter bearer = request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken());
                    users = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(adminUrl.orElseThrow()))
                            .connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
                            .register(bearer).build(KeycloakUsers.class);
                }
            }
        }
        return users;
    }

    /** Fetches the service account's access token (on this worker thread, before a call) unless the one held lasts 5 s more. */
    private void freshToken() {
        Tokens current = tokens;
        Long expiresAt = current == null ? null : current.getAccessTokenExpiresAt();
        if (current == null || expiresAt == null || expiresAt - System.currentTimeMillis() / 1000 < 5) {
            try {
                tokens = tokenClient().getTokens().await().atMost(Duration.ofSeconds(15));
            } catch (RuntimeException refused) {
                LOG.warnf("Keycloak gave the service account %s no token: %s", clientId, refused.toString());
                synchronized (this) {
                    tokenClient = null;
                }
                throw ProblemException.unavailable(Words.of(AccountsWords.class).accountKeycloakNoToken(clientId));
            }
        }
    }

    private OidcClient tokenClient() {
        if (tokenClient == null) {
            synchronized (this) {
                if (tokenClient == null) {
                    OidcClientConfig config = new OidcClientConfigBuilder().id("kulturpass-accounts")
                            .authServerUrl(realmUrl.orElseThrow()).clientId(clientId).credentials(clientSecret.orElseThrow())
                            .grant(io.quarkus.oidc.client.runtime.OidcClientConfig.Grant.Type.CLIENT)
                            .build();
                    tokenClient = oidcClients.newClient(config).await().atMost(Duration.ofSeconds(15));
                }
            }
        }
        return tokenClient;
    }
}
