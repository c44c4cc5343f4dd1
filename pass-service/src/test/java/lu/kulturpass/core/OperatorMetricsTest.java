package lu.kulturpass.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.outbox.OutboxEvent;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.ScrapedMetrics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What operators read at pass-service's /q/metrics (docs/observability.md), each changing with what it counts. */
@QuarkusTest
class OperatorMetricsTest {

    private static final String UNSENT = "kulturpass_outbox_unsent";
    private static final String OLDEST = "kulturpass_outbox_oldest_unsent_age_seconds";

    @Inject
    Outbox outbox;

    private static ScrapedMetrics awaitMetrics(Predicate<ScrapedMetrics> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(ScrapedMetrics::now, until);
    }

    @Test
    void passesIssuedAreCounted() {
        String agency = RegisteredPartners.agencyWithAgreementInForce();
        double before = ScrapedMetrics.now().value("kulturpass_passes_issued_total");
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, agency)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"AB\",\"birthYear\":1990}")
                .when().post("/passes").then().statusCode(201);
        ScrapedMetrics after = ScrapedMetrics.now();
        assertEquals(1, after.value("kulturpass_passes_issued_total") - before, () -> "before " + before + ", after: "
                + after.names().stream().filter(name -> name.startsWith("kulturpass")).toList());
    }

    @Test
    void anEventSentToItsDeadLetterTopicIsCountedUnderItsConsumer() {
        String deadLetters = "kulturpass_inbox_dead_letters_total";
        String admissions = "consumer=\"statistics-admissions\"";
        double before = ScrapedMetrics.now().value(deadLetters, admissions);
        // no venue, pass or time in its data: poison
        KafkaTopics.onTestBroker().publish("kulturpass.admissions", "1", "lu.kulturpass.admission.recorded", "{}");
        awaitMetrics(metrics -> metrics.value(deadLetters, admissions) == before + 1);
    }

    @Test
    void theOutboxBacklogAndTheAgeOfItsOldestEventShowAnEventKafkaDoesNotTake() {
        awaitMetrics(metrics -> metrics.value(UNSENT) == 0 && metrics.value(OLDEST) == 0);
        // over the producer's max.request.size (1 MiB): refused every time it is sent, it stays
        UUID tooLarge = QuarkusTransaction.requiringNew().call(() -> outbox.record("kulturpass.outbox-test-backlog", "backlog", 
                "lu.kulturpass.test.fact", 1, Map.of("filler", "x".repeat(1_100_000))));
        try {
            ScrapedMetrics held = awaitMetrics(metrics -> metrics.value(UNSENT) == 1 && metrics.value(OLDEST) > 1);
            assertTrue(awaitMetrics(metrics -> metrics.value(OLDEST) > held.value(OLDEST)).value(UNSENT) == 1, "the age grows");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId", tooLarge));
        }
        awaitMetrics(metrics -> metrics.value(UNSENT) == 0 && metrics.value(OLDEST) == 0);
    }

    @Test
    void eachConsumersLagIsMeasuredByItsKafkaClient() {
        String consumed = "kafka_consumer_fetch_manager_records_consumed_total";
        ScrapedMetrics before = awaitMetrics(metrics -> metrics.names().contains("kafka_consumer_fetch_manager_records_lag_max"));
        KafkaTopics.onTestBroker().publish("kulturpass.performances", UUID.randomUUID().toString(), "lu.kulturpass.test.unknown", "{}");
        awaitMetrics(metrics -> metrics.value(consumed) > before.value(consumed));
    }
}
