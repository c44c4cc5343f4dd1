package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;

/** Social agencies as pass-service announces them on the partner topic, for the tests. */
public final class Agencies {

    private Agencies() {
    }

    /** A new agency with an agreement in force, once this service has learnt it from the partner topic. */
    public static String withAgreementInForce() {
        String agencyId = UUID.randomUUID().toString();
        announce(agencyId, "ACTIVE", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1));
        awaitActing(agencyId, true);
        return agencyId;
    }

    /**
     * A social partner registered in pass-service by programme staff, with an agreement activated there:
     * pass-service announces it on the partner topic, as in production.
     */
    public static String registeredInPassService() {
        String programme = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
        String passService = lu.kulturpass.testing.PassServiceProcess.running().url();
        String agencyId = given().auth().oauth2(programme).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social " + UUID.randomUUID() + "\"}")
                .when().post(passService + "/partners").then().statusCode(201).extract().path("id");
        String agreementId = given().auth().oauth2(programme).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"validFrom\":\"" + LocalDate.now() + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1)
                        + "\",\"signedOn\":\"" + LocalDate.now() + "\"}")
                .when().post(passService + "/partners/" + agencyId + "/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(programme).contentType(io.restassured.http.ContentType.JSON).body("{\"transition\":\"ACTIVATE\"}")
                .when().post(passService + "/agreements/" + agreementId + "/transitions").then().statusCode(200);
        awaitActing(agencyId, true);
        return agencyId;
    }

    /** Publishes the agency's latest state with one agreement, as pass-service's partner changes do. */
    public static void announce(String agencyId, String status, LocalDate from, LocalDate until) {
        KafkaTopics.onTestBroker().publish("kulturpass.partners", agencyId, "lu.kulturpass.partner.updated", """
                {"partnerId":"%s","kind":"SOCIAL","name":"Office social test","venues":[],
                 "agreements":[{"id":"%s","partnerId":"%s","status":"%s","validFrom":"%s","validUntil":"%s"}]}"""
                .formatted(agencyId, UUID.nameUUIDFromBytes(agencyId.getBytes()), agencyId, status, from, until));
    }

    public static void awaitActing(String agencyId, boolean acting) {
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(staff).when().get("/agencies/mine").then().extract().<Boolean>path("acting") == acting);
    }
}
