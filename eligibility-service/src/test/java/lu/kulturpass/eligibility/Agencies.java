package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.agency.Agency;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.PassServiceProcess;
import org.awaitility.Awaitility;

/**
 * Partners as the real journey makes them: programme staff register them and their agreements in the
 * packaged pass-service (its REST API), pass-service announces each change on the partner topic of the
 * broker both services share, and this service learns it from there. So pass-service knows each agency
 * the tests use (it issues passes for it), and this service knows only what the topic told it.
 */
public final class Agencies {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Agencies() {
    }

    /** A social partner without an agreement, once this service knows it. */
    public static String withoutAgreement() {
        String agencyId = register("{\"kind\":\"SOCIAL\",\"name\":\"Office social " + UUID.randomUUID() + "\"}").getString("id");
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        await().until(() -> given().auth().oauth2(staff).when().get("/agencies/mine").then().extract().statusCode() == 200);
        return agencyId;
    }

    /** A social partner with an agreement signed and activated from today for a year, once this service lets it act. */
    public static String withAgreementInForce() {
        String agencyId = register("{\"kind\":\"SOCIAL\",\"name\":\"Office social " + UUID.randomUUID() + "\"}").getString("id");
        agree(agencyId, "{\"validFrom\":\"" + LocalDate.now() + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1)
                + "\",\"signedOn\":\"" + LocalDate.now() + "\"}");
        awaitActing(agencyId, true);
        return agencyId;
    }

    /**
     * A cultural partner (a theatre and its hall) with an agreement in force; returns the partner's id and
     * its venue's, once this service has read the partner's last event (and, being a cultural partner's, left it).
     */
    public static List<String> culturalWithAgreementInForce() {
        JsonPath theatre = register("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID()
                + "\",\"venues\":[{\"name\":\"Grande salle\"}]}");
        String partnerId = theatre.getString("id");
        agree(partnerId, "{\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\",\"CHILD\"],\"validFrom\":\"" + LocalDate.now()
                + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1) + "\",\"signedOn\":\"" + LocalDate.now() + "\"}");
        awaitEventRead(partnerId, "\"status\":\"ACTIVE\"");
        return List.of(partnerId, theatre.getString("venues[0].id"));
    }

    /** Drafts an agreement with the partner on these terms and activates it in pass-service, as programme staff do. */
    public static void agree(String partnerId, String terms) {
        String agreementId = given().auth().oauth2(programme()).contentType(ContentType.JSON).body(terms)
                .when().post(passService() + "/partners/" + partnerId + "/agreements").then().statusCode(201).extract().path("id");
        move(agreementId, "ACTIVATE");
    }

    /** SUSPEND, RESUME or TERMINATE the partner's latest agreement in pass-service. */
    public static void moveAgreement(String partnerId, String transition) {
        List<String> agreements = given().auth().oauth2(programme()).when().get(passService() + "/partners/" + partnerId + "/agreements")
                .then().statusCode(200).extract().path("id");
        move(agreements.get(agreements.size() - 1), transition);
    }

    /** Waits until this service has read (applied or, for a cultural partner, left) the partner's event holding {@code text}. */
    public static void awaitEventRead(String partnerId, String text) {
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.partners",
                r -> partnerId.equals(r.key()) && r.value().contains(text), PATIENCE);
        String eventId = KafkaTopics.header(records.get(records.size() - 1), "ce_id").orElseThrow();
        await().until(() -> QuarkusTransaction.requiringNew().call(() -> Agency.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where consumer = 'agency-copy' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).toString().equals("1"));
    }

    public static void awaitActing(String agencyId, boolean acting) {
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        await().until(() -> Boolean.valueOf(acting).equals(
                given().auth().oauth2(staff).when().get("/agencies/mine").then().extract().path("acting")));
    }

    private static JsonPath register(String partner) {
        return given().auth().oauth2(programme()).contentType(ContentType.JSON).body(partner)
                .when().post(passService() + "/partners").then().statusCode(201).extract().jsonPath();
    }

    private static void move(String agreementId, String transition) {
        given().auth().oauth2(programme()).contentType(ContentType.JSON).body("{\"transition\":\"" + transition + "\"}")
                .when().post(passService() + "/agreements/" + agreementId + "/transitions").then().statusCode(200);
    }

    private static String programme() {
        return BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    }

    private static String passService() {
        return PassServiceProcess.running().url();
    }

    private static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200));
    }
}
