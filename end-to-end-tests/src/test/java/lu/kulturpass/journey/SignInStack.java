package lu.kulturpass.journey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;
import lu.kulturpass.testing.TestKeycloak;

/**
 * One real Keycloak (the realm file production imports, access tokens of {@link #TOKEN_LIFETIME}) and the three packaged
 * services in hybrid mode signing people in through it and managing staff accounts as its service account, shared by the
 * run's sign-in tests (Keycloak takes about a minute to start): started by the first test that asks, stopped when the
 * test JVM ends, on a Kafka broker of its own. With a theatre (one venue) and an agency, each with an agreement in force, and a programme-staff user
 * for the API.
 */
final class SignInStack {

    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(10);
    static final String PASSWORD = "a-long-test-password-1";
    static final String PROGRAMME_USER = "programme.setup";

    private static SignInStack started;

    /** A broker of the stack's own: its services outlive the test classes, beside other tests' services of the same consumer groups. */
    private final TestKafka kafka = TestKafka.separate();

    final TestKeycloak keycloak;
    final ServiceProcess passService;
    final ServiceProcess eligibilityService;
    final ServiceProcess venueService;
    final String theatreId;
    final String venueId;
    final String agencyId;
    private int users;

    static synchronized SignInStack get() {
        if (started == null) {
            started = new SignInStack();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sign-in stack stop"));
        }
        return started;
    }

    private SignInStack() {
        keycloak = TestKeycloak.prepare(TOKEN_LIFETIME);
        Map<String, String> pass = new HashMap<>(PassServiceProcess.onDatabase(TestDatabase.recreate("kulturpass_pass_signin")).config());
        pass.remove("quarkus.oidc.public-key");
        pass.remove("quarkus.oidc.token.issuer");
        pass.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        pass.putAll(keycloak.serviceConfig("kulturpass-audit"));
        passService = new ServiceProcess("pass-service", pass);
        eligibilityService = new ServiceProcess("eligibility-service", service("kulturpass_eligibility_signin", "kulturpass-agency",
                Map.of("quarkus.rest-client.pass-service.url", passService.url())));
        venueService = new ServiceProcess("venue-service", service("kulturpass_venue_signin", "kulturpass-scanner", Map.of()));
        keycloak.start(passService.url(), eligibilityService.url(), venueService.url());
        passService.start();
        eligibilityService.start();
        venueService.start();

        keycloak.createUser(PROGRAMME_USER, PASSWORD, "programme-staff", null);
        JsonPath theatre = registerTheatre("Théâtre (sign-in test)");
        theatreId = theatre.getString("id");
        venueId = theatre.getString("venues[0].id");
        agencyId = given().auth().oauth2(programmeToken()).contentType(ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social (sign-in test)\"}")
                .post(passService.url() + "/partners").then().statusCode(201).extract().path("id");
        agree(agencyId, "");
    }

    private Map<String, String> service(String database, String client, Map<String, String> more) {
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.recreate(database),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers()));
        config.putAll(keycloak.serviceConfig(client));
        config.putAll(more);
        return config;
    }

    /** A programme-staff access token from Keycloak (the command-line client's password grant). */
    String programmeToken() {
        return keycloak.token(PROGRAMME_USER, PASSWORD);
    }

    /** A theatre with one venue ("Grande salle") and an agreement in force; its registration as pass-service answered it. */
    JsonPath registerTheatre(String name) {
        JsonPath theatre = given().auth().oauth2(programmeToken()).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"" + name + "\",\"venues\":[{\"name\":\"Grande salle\"}]}")
                .post(passService.url() + "/partners").then().statusCode(201).extract().jsonPath();
        agree(theatre.getString("id"), "\"benefit\":\"REDUCED_PRICE\",\"price\":1.50,\"placesPerEvent\":10,\"acceptedCategories\":[\"ADULT\"],");
        return theatre;
    }

    private void agree(String partnerId, String terms) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String programme = programmeToken();
        String agreementId = given().auth().oauth2(programme).contentType(ContentType.JSON)
                .body("{" + terms + "\"validFrom\":\"" + today.minusMonths(1) + "\",\"validUntil\":\"" + today.plusYears(1)
                        + "\",\"signedOn\":\"" + today.minusMonths(1) + "\"}")
                .post(passService.url() + "/partners/" + partnerId + "/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(programme).contentType(ContentType.JSON).body("{\"transition\":\"ACTIVATE\"}")
                .post(passService.url() + "/agreements/" + agreementId + "/transitions").then().statusCode(200);
    }

    /** A new user of this role (and more roles), named after it, with {@link #PASSWORD}. */
    synchronized String newUser(String role, String partnerId, String... moreRoles) {
        String username = role + "." + (++users);
        keycloak.createUser(username, PASSWORD, role, partnerId, moreRoles);
        return username;
    }

    private void stop() {
        for (ServiceProcess service : new ServiceProcess[] {venueService, eligibilityService, passService}) {
            service.stop();
        }
        keycloak.close();
    }
}
