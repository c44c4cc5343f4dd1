package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * pass-service's {@code pass.holder-check-removed} (the holder was erased, or the pass ended long ago) in through Kafka:
 * no token of that pass is left in any of venue-service's tables, its admissions and places stay counted, a retried
 * nonce still gets its first answer (by the pass number, without a holder check), and the event again changes nothing.
 */
@QuarkusTest
class HolderCheckRemovedTest {

    private static final String DATABASE = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

    private final KafkaTopics kafka = KafkaTopics.onTestBroker();

    @Inject
    EntityManager db;

    static long count(EntityManager db, String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = db.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    static void issued(KafkaTopics kafka, long passId) {
        kafka.publish("kulturpass.passes", String.valueOf(passId), "lu.kulturpass.pass.issued", "{\"passId\":" + passId
                + ",\"number\":\"" + PassNumber.format(passId) + "\",\"agencyId\":\"a-1\",\"category\":\"ADULT\",\"groupSize\":1,"
                + "\"validFrom\":\"" + LocalDate.now().minusDays(1) + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1) + "\",\"keyId\":41}");
    }

    @Test
    void thePassesTokensGoFromEveryScanAndTheCountsStay() {
        String theatre = Door.venueFor(this, "theatre");
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        String performance = Door.performance(theatre, 5);
        long passId = Door.nextPassId();
        issued(kafka, passId);
        long other = Door.nextPassId();
        issued(kafka, other);
        String token = Door.token(passId, PassCategory.ADULT, 1);
        String otherToken = Door.token(other, PassCategory.ADULT, 1);
        String nonce = UUID.randomUUID().toString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "select count(*) from pass_standing where pass_id in (?1, ?2)",
                passId, other) == 2);
        JsonPath first = Door.scan(boxOffice, token, nonce, performance);
        assertTrue(first.getBoolean("admitted"), first.prettify());
        assertTrue(Door.scan(boxOffice, token, performance).getString("reason").startsWith("ALREADY_ADMITTED"));
        assertTrue(Door.scan(boxOffice, otherToken, performance).getBoolean("admitted"));
        String placesBefore = given().auth().oauth2(boxOffice).when().get("/performances").then().statusCode(200).extract().asString();
        long admittedBefore = count(db, "select count(*) from admission where pass_id = ?1 and outcome = 'ADMITTED'", passId);

        String data = "{\"passId\":" + passId + ",\"agencyId\":\"a-1\",\"because\":\"HOLDER_ERASED\",\"validUntil\":\""
                + LocalDate.now().plusYears(1) + "\"}";
        String eventId = kafka.publish("kulturpass.passes", String.valueOf(passId), "lu.kulturpass.pass.holder-check-removed", data);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count(db, "select count(*) from admission where pass_id = ?1 and token is not null", passId) == 0);

        assertEquals(List.of(), TestDatabase.tablesHolding(DATABASE, token), "the pass's token is still kept");
        assertEquals(List.of("admission"), TestDatabase.tablesHolding(DATABASE, otherToken), "another pass's scans were touched");
        assertEquals(admittedBefore, count(db, "select count(*) from admission where pass_id = ?1 and outcome = 'ADMITTED'", passId));
        assertEquals(2L, count(db, "select count(*) from admission where pass_id = ?1", passId), "a scan was deleted");
        assertEquals(placesBefore, given().auth().oauth2(boxOffice).when().get("/performances").then().statusCode(200).extract().asString());
        JsonPath retried = Door.scan(boxOffice, token, nonce, performance);
        assertTrue(retried.getBoolean("admitted"), "a retried nonce keeps its first answer: " + retried.prettify());
        assertNull(retried.get("holder"), "the holder check came back: " + retried.prettify());
        assertEquals("ACTIVE", QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(
                "select status from pass_standing where pass_id = ?1").setParameter(1, passId).getSingleResult()));

        // the same event again: the inbox skips it; nothing else changed
        kafka.publish("kulturpass.passes", String.valueOf(passId), eventId, "lu.kulturpass.pass.holder-check-removed", data);
        long marker = Door.nextPassId();
        issued(kafka, marker);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "select count(*) from pass_standing where pass_id = ?1", marker) == 1);
        assertEquals(1L, count(db, "select count(*) from processed_event where event_id = ?1", eventId));
        assertEquals(2L, count(db, "select count(*) from admission where pass_id = ?1", passId));
        assertEquals(placesBefore, given().auth().oauth2(boxOffice).when().get("/performances").then().statusCode(200).extract().asString());
    }
}
