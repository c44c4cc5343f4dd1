package lu.kulturpass.core.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassStatus;
import lu.kulturpass.events.EnrolmentTopic;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An {@code enrolment.erased} event from eligibility-service, in through Kafka: every pass of that holder loses its
 * token (the only place the initials and birth year are kept), an admitting one is revoked, venue-service is told on
 * the pass topic, the statistics do not move, and the same event (or another erasure of the same person) again
 * changes nothing.
 */
@QuarkusTest
class HolderErasureTest {

    private static final String DATABASE = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

    private final KafkaTopics kafka = KafkaTopics.onTestBroker();
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    @Inject
    EntityManager db;

    private static JsonPath issue(String staff, String holderRef) {
        return given().auth().oauth2(staff).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + holderRef + "\",\"category\":\"ADULT\",\"initials\":\"ZQ\",\"birthYear\":1971}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath();
    }

    private Pass pass(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>findById(id));
    }

    private String statistics(String agencyId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + agencyId)
                .then().statusCode(200).extract().asString();
    }

    private long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) db.createNativeQuery(
                        "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, HolderErasure.CONSUMER).setParameter(2, eventId).getSingleResult()).longValue());
    }

    private List<ConsumerRecord<String, String>> removals(long passId) {
        return kafka.readToEnd("kulturpass.passes", Duration.ofSeconds(20)).stream()
                .filter(r -> String.valueOf(passId).equals(r.key()))
                .filter(r -> KafkaTopics.header(r, "ce_type").orElse("").equals(PassTopic.HolderCheckRemoved.TYPE)).toList();
    }

    @Test
    void anErasedHoldersPassesLoseTheirHolderCheckAndTheStatisticsStay() {
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        String holder = UUID.randomUUID().toString();
        JsonPath first = issue(staff, holder);
        long lost = first.getLong("id");
        long replacement = given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"transition\":\"REPLACE\",\"reason\":\"LOST\"}")
                .when().post("/passes/" + lost + "/transitions").then().statusCode(201).extract().jsonPath().getLong("id");
        long someoneElse = issue(staff, UUID.randomUUID().toString()).getLong("id");
        String lostToken = first.getString("token");
        String replacementToken = pass(replacement).token;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.from(statistics(agencyId)).getInt("passesIssued") == 3);
        String before = statistics(agencyId);

        String erased = "{\"beneficiaryId\":\"" + holder + "\",\"enrolmentId\":\"" + UUID.randomUUID() + "\",\"agencyId\":\"" + agencyId
                + "\",\"householdSituation\":\"SINGLE_ADULT\",\"passId\":" + replacement + "}";
        String eventId = kafka.publish("kulturpass.enrolments", holder, EnrolmentTopic.Changed.ERASED, erased);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pass(replacement).token == null && pass(lost).token == null);

        Pass revoked = pass(replacement);
        assertEquals(PassStatus.REVOKED, revoked.status, "the erased holder's card admits no more");
        assertEquals(Pass.HOLDER_ERASED, revoked.tokenRemovedBecause);
        assertEquals(PassStatus.REPLACED, pass(lost).status);
        assertEquals(List.of(), TestDatabase.tablesHolding(DATABASE, lostToken), "the lost card's token is still kept");
        assertEquals(List.of(), TestDatabase.tablesHolding(DATABASE, replacementToken), "the replacement's token is still kept");
        assertEquals(List.of("pass"), TestDatabase.tablesHolding(DATABASE, pass(someoneElse).token), "another holder's pass was touched");
        given().auth().oauth2(staff).when().get("/passes/" + replacement + "/qr.png").then().statusCode(410);
        JsonPath view = given().auth().oauth2(staff).when().get("/passes/" + replacement).then().statusCode(200).extract().jsonPath();
        assertNull(view.get("token"));
        assertEquals(1, removals(lost).size());
        assertEquals(1, removals(replacement).size());
        assertEquals(before, statistics(agencyId), "the statistics moved");

        // the same event delivered again, and another erasure of the same person: nothing changes
        OffsetDateTime removedAt = revoked.tokenRemovedAt;
        kafka.publish("kulturpass.enrolments", holder, eventId, EnrolmentTopic.Changed.ERASED, erased);
        String again = kafka.publish("kulturpass.enrolments", holder, EnrolmentTopic.Changed.ERASED, erased);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(again) == 1);
        assertEquals(1, processed(eventId));
        assertEquals(removedAt.toInstant(), pass(replacement).tokenRemovedAt.toInstant());
        assertEquals(PassStatus.REVOKED, pass(replacement).status);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(
                "select count(*) from pass_transition where pass_id = ?1 and reason = 'HOLDER_ERASED'")
                .setParameter(1, replacement).getSingleResult() instanceof Number n ? n.longValue() : -1L));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) db.createNativeQuery("select count(*) from outbox_event where event_key in (?1, ?2)")
                        .setParameter(1, String.valueOf(lost)).setParameter(2, String.valueOf(replacement)).getSingleResult()).longValue() == 0));
        assertEquals(1, removals(replacement).size(), "a second holder-check-removed event for the same pass");
        assertEquals(before, statistics(agencyId));
        assertFalse(pass(someoneElse).token == null);
    }
}
