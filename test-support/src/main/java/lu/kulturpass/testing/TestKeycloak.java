package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for tests: the distribution Maven unpacked in {@code deploy/keycloak/target}, built for
 * PostgreSQL once (as {@code deploy/local/keycloak} builds it), started in production mode ({@code kc.sh start})
 * on free ports with a database of its own, importing the realm file production imports
 * ({@code deploy/keycloak/kulturpass-realm.json}). Its administrator, client secrets and the access-token
 * lifetime are the test's. Users are made through Keycloak's admin REST API.
 */
public final class TestKeycloak implements AutoCloseable {

    /** The build options of the distribution; deploy/local/keycloak builds with the same. */
    private static final String BUILD_OPTIONS = "--db=postgres --health-enabled=true --metrics-enabled=true";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Path home;
    private final Duration accessTokenLifetime;
    private final int port = TestKafka.freePort();
    private final int managementPort = TestKafka.freePort();
    private final String adminPassword = UUID.randomUUID().toString();
    private final Map<String, String> clientSecrets = new HashMap<>();
    private final Path log;
    private Process process;

    private TestKeycloak(Path home, Duration accessTokenLifetime) {
        this.home = home;
        this.accessTokenLifetime = accessTokenLifetime;
        this.log = Path.of("target", "keycloak-" + port + ".log");
        for (String client : List.of("kulturpass-audit", "kulturpass-agency", "kulturpass-scanner", "kulturpass-accounts")) {
            clientSecrets.put(client, UUID.randomUUID().toString());
        }
    }

    /**
     * A Keycloak whose access tokens live {@code accessTokenLifetime}, its address and secrets chosen but not
     * started yet: the services' configuration ({@link #serviceConfig}) can be made before they have addresses.
     */
    public static TestKeycloak prepare(Duration accessTokenLifetime) {
        return new TestKeycloak(distribution(), accessTokenLifetime);
    }

    /**
     * Starts it for services at these addresses (the pages' clients send people back only there), and with the
     * command-line client enabled, so that a test can take a user's token for their password ({@link #token}).
     */
    public TestKeycloak start(String passServiceUrl, String eligibilityServiceUrl, String venueServiceUrl) {
        run(Map.of("KULTURPASS_PASS_URL", passServiceUrl, "KULTURPASS_ELIGIBILITY_URL", eligibilityServiceUrl,
                "KULTURPASS_VENUE_URL", venueServiceUrl, "KULTURPASS_CLI_ENABLED", "true",
                "KULTURPASS_ACCESS_TOKEN_LIFESPAN", String.valueOf(accessTokenLifetime.toSeconds())));
        return this;
    }

    /** A user's access token, for their name and password (the command-line client's password grant). */
    public String token(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "kulturpass-cli")
                .formParam("username", username).formParam("password", password)
                .post(realmUrl() + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** The realm's issuer, as {@code quarkus.oidc.auth-server-url} takes it. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/kulturpass";
    }

    /**
     * What a service needs to sign people in through this Keycloak as {@code client} (hybrid: bearer tokens and pages), and
     * to manage staff accounts as the service account {@code kulturpass-accounts} (its admin address is derived from the realm's).
     */
    public Map<String, String> serviceConfig(String client) {
        return Map.of("quarkus.oidc.auth-server-url", realmUrl(), "quarkus.oidc.application-type", "hybrid",
                "quarkus.oidc.client-id", client, "quarkus.oidc.credentials.secret", clientSecrets.get(client),
                "kulturpass.accounts.client-secret", clientSecrets.get("kulturpass-accounts"));
    }

    /** Makes an enabled user with a password, realm roles and, unless null, the partner they belong to; returns its id. */
    public String createUser(String username, String password, String role, String partnerId, String... moreRoles) {
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "enabled", true, "firstName", "Test",
                "lastName", username, "email", username + "@test.kulturpass.lu", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        if (partnerId != null) {
            user.put("attributes", Map.of("partner_id", List.of(partnerId)));
        }
        admin().body(user).post(adminUrl() + "/users").then().statusCode(201);
        String id = userId(username);
        List<Map<String, Object>> realmRoles = new java.util.ArrayList<>();
        for (String name : java.util.stream.Stream.concat(java.util.stream.Stream.of(role), java.util.Arrays.stream(moreRoles)).toList()) {
            realmRoles.add(admin().get(adminUrl() + "/roles/" + name).then().statusCode(200).extract().as(Map.class));
        }
        admin().body(realmRoles).post(adminUrl() + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    /** The id Keycloak gave the user of that name. */
    public String userId(String username) {
        return admin().get(adminUrl() + "/users?exact=true&username=" + username).then().statusCode(200).extract().path("[0].id");
    }

    /** Disables a user, as an administrator would. */
    public void disable(String userId) {
        admin().body(Map.of("enabled", false)).put(adminUrl() + "/users/" + userId).then().statusCode(204);
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private io.restassured.specification.RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", adminPassword)
                .post("http://localhost:" + port + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String adminUrl() {
        return "http://localhost:" + port + "/admin/realms/kulturpass";
    }

    private void run(Map<String, String> realmSettings) {
        build();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile(), imports.resolve("kulturpass-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--optimized", "--import-realm",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--http-management-port=" + managementPort)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("KC_DB_URL", TestDatabase.recreate("kulturpass_keycloak_test"));
            env.put("KC_DB_USERNAME", TestDatabase.USER);
            env.put("KC_DB_PASSWORD", TestDatabase.PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
            env.put("KULTURPASS_AUDIT_CLIENT_SECRET", clientSecrets.get("kulturpass-audit"));
            env.put("KULTURPASS_AGENCY_CLIENT_SECRET", clientSecrets.get("kulturpass-agency"));
            env.put("KULTURPASS_SCANNER_CLIENT_SECRET", clientSecrets.get("kulturpass-scanner"));
            env.put("KULTURPASS_ACCOUNTS_CLIENT_SECRET", clientSecrets.get("kulturpass-accounts"));
            env.putAll(realmSettings);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        if (!Readiness.await(process, "http://127.0.0.1:" + managementPort + "/health/ready", PATIENCE, "Keycloak", log)) {
            close();
            throw new IllegalStateException("Keycloak was not ready within " + PATIENCE.toSeconds() + " s; see " + log.toAbsolutePath());
        }
    }

    /** kc.sh build, unless the distribution was already built with the same options. */
    private void build() {
        Path marker = home.resolve(".kulturpass-build");
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(BUILD_OPTIONS)) {
                return;
            }
            List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(List.of(BUILD_OPTIONS.split(" ")));
            Process build = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed; see " + log.toAbsolutePath());
            }
            Files.writeString(marker, BUILD_OPTIONS + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak");
        }
    }

    private static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/keycloak/kulturpass-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find deploy/keycloak/kulturpass-realm.json above " + Path.of("").toAbsolutePath());
    }

    private static Path distribution() {
        Path target = realmFile().getParent().resolve("target");
        try (Stream<Path> entries = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return entries.filter(dir -> dir.getFileName().toString().startsWith("keycloak-") && Files.isExecutable(dir.resolve("bin/kc.sh")))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "Keycloak is not unpacked in " + target + ": mvn package -pl deploy/keycloak"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
