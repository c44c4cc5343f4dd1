package lu.kulturpass.core.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.events.AccountChange;
import lu.kulturpass.events.AccountChange.Action;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.outbox.OutboxEvent;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Account management in pass-service without a Keycloak (these tests verify tokens with a public key): the accounts
 * endpoints say it is not configured, and the record of account changes (kulturpass.accounts, through the real broker)
 * is kept once per change and read by programme staff and the partner's own manager.
 */
@QuarkusTest
class AccountsTest {

    @Inject
    Outbox outbox;

    private static String programme() {
        return BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    }

    @Test
    void withoutAKeycloakServiceAccountAccountManagementAnswers503AndRecordsNothing() {
        String venue = RegisteredPartners.theatre().getString("venues[0].id");
        long outboxBefore = lastOutboxSequence();
        given().auth().oauth2(programme()).contentType(ContentType.JSON)
                .body(Map.of("username", "new.cashier", "firstName", "Nina", "lastName", "Neu", "email", "nina@example.lu",
                        "role", Roles.BOX_OFFICE, "partnerId", venue))
                .when().post("/accounts")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("Account management is not configured on this installation"));
        given().auth().oauth2(programme()).when().get("/accounts").then().statusCode(503).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, venue)).when().post("/accounts/" + UUID.randomUUID() + "/disable")
                .then().statusCode(503).contentType("application/problem+json");
        assertEquals(outboxBefore, lastOutboxSequence(), "nothing recorded");
    }

    /**
     * The outbox's last sequence number handed out: the relay deletes rows once Kafka has them, so only the sequence
     * tells whether an event was written meanwhile.
     */
    private static long lastOutboxSequence() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager().createNativeQuery(
                "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('public.outbox_event', 'sequence_number')::regclass), 0)")
                .getSingleResult()).longValue());
    }

    @Test
    void aBadInvitationIsRefusedWithASentenceBeforeKeycloakIsAsked() {
        String venue = RegisteredPartners.theatre().getString("venues[0].id");
        given().auth().oauth2(programme()).contentType(ContentType.JSON)
                .body(Map.of("username", "cashier.two", "firstName", "Nina", "lastName", "Neu", "email", "nina@example.lu", "role", Roles.BOX_OFFICE))
                .when().post("/accounts").then().statusCode(400).body("detail", containsString("agency or venue"));
        given().auth().oauth2(programme()).contentType(ContentType.JSON)
                .body(Map.of("username", "x", "firstName", "Nina", "lastName", "Neu", "email", "nina@example.lu", "role", Roles.BOX_OFFICE,
                        "partnerId", venue))
                .when().post("/accounts").then().statusCode(400).body("detail", containsString("user name"));
        String agency = RegisteredPartners.agencyWithAgreementInForce();
        given().auth().oauth2(programme()).contentType(ContentType.JSON)
                .body(Map.of("username", "cashier.three", "firstName", "Nina", "lastName", "Neu", "email", "nina@example.lu",
                        "role", Roles.BOX_OFFICE, "partnerId", agency))
                .when().post("/accounts").then().statusCode(400).body("detail", containsString("not a venue"));
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, venue)).contentType(ContentType.JSON)
                .body(Map.of("username", "manager.two", "firstName", "Max", "lastName", "Neu", "email", "max@example.lu",
                        "role", Roles.VENUE_MANAGER))
                .when().post("/accounts").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("box-office accounts of their own venue"));
    }

    @Test
    void anAgencyWorkerWithoutTheLeadRoleCannotManageAccountsButTheirLeadIsServed() {
        String agency = RegisteredPartners.agencyWithAgreementInForce();
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, agency)).when().get("/accounts").then().statusCode(403);
        String lead = BearerTokens.token(Roles.AGENCY_STAFF, agency, Map.of("groups", List.of(Roles.AGENCY_STAFF, Roles.AGENCY_LEAD)));
        given().auth().oauth2(lead).when().get("/accounts").then().statusCode(503);
        given().auth().oauth2(lead).when().get("/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.hasItem(Roles.AGENCY_LEAD));
    }

    @Test
    void anAccountChangeFromTheTopicIsRecordedOnceAndReadByProgrammeStaffAndThePartnersOwnManager() {
        String venue = RegisteredPartners.theatre().getString("venues[0].id");
        String otherVenue = RegisteredPartners.theatre().getString("venues[0].id");
        String username = "cashier-" + UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> outbox.record(AccountChange.TOPIC, username, AccountChange.TYPE,
                AccountChange.VERSION, id -> new AccountChange(id, "kc-" + username, username, Action.DISABLED, Roles.BOX_OFFICE,
                        venue, "manager-subject", "vera.venue", Roles.VENUE_MANAGER, OffsetDateTime.now(ZoneOffset.UTC))));

        String manager = BearerTokens.token(Roles.VENUE_MANAGER, venue);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(manager).get("/accounts/changes").jsonPath().getList("username").contains(username));
        JsonPath changes = given().auth().oauth2(programme()).queryParam("partnerId", venue).when().get("/accounts/changes")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, changes.getList("findAll { it.username == '" + username + "' }").size());
        assertEquals(eventId.toString(), changes.getString("find { it.username == '" + username + "' }.eventId"));
        assertEquals("DISABLED", changes.getString("find { it.username == '" + username + "' }.action"));
        assertEquals("vera.venue", changes.getString("find { it.username == '" + username + "' }.actorUsername"));
        assertEquals(Roles.VENUE_MANAGER, changes.getString("find { it.username == '" + username + "' }.actorRole"));

        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, otherVenue)).when().get("/accounts/changes")
                .then().statusCode(200).body("username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(username)));
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, otherVenue)).queryParam("partnerId", venue).when().get("/accounts/changes")
                .then().statusCode(403).body("detail", containsString("your own organisation"));
        given().auth().oauth2(programme()).queryParam("partnerId", venue).queryParam("from", "2020-01-02").queryParam("to", "2020-01-01")
                .when().get("/accounts/changes").then().statusCode(400);
        given().auth().oauth2(programme()).queryParam("partnerId", venue).queryParam("to", "2020-01-01")
                .when().get("/accounts/changes").then().statusCode(200).body("size()", equalTo(0));
    }
}
