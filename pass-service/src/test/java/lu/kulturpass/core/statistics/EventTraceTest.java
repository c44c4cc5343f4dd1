package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.outbox.EventTrace;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The statistics continue the trace an event carries (its W3C traceparent header, written by the sender's outbox relay):
 * a scan's trace, begun at venue-service's door (its {@code ScanTraceTest}), reaches the span that counts it here; and
 * a pass issued here is one trace from the agency's request, through the outbox and Kafka, to the statistics.
 */
@QuarkusTest
class EventTraceTest {

    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The span that received an event of this trace from this topic. */
    private static SpanData received(String traceId, String topic) {
        return TestSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER
                && topic.equals(span.getAttributes().get(DESTINATION)));
    }

    @Test
    void anAdmissionEventIsCountedInTheTraceOfTheScanThatSentIt() {
        String venueId = PartnerStatisticsTest.registerTheatre(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).getString("venues[0].id");
        String traceId = randomHex(16);
        String sendingSpan = randomHex(8);
        long passId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        KafkaTopics.onTestBroker().publish(PartnerStatisticsTest.ADMISSIONS, String.valueOf(passId), "lu.kulturpass.admission.recorded",
                PartnerStatisticsTest.admitted(venueId, passId, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)),
                Map.of(EventTrace.HEADER, "00-" + traceId + "-" + sendingSpan + "-01"));

        SpanData counted = received(traceId, PartnerStatisticsTest.ADMISSIONS);
        assertEquals(sendingSpan, counted.getParentSpanId(), "the statistics' span continues the sender's");
    }

    @Test
    void aPassIssuedIsOneTraceFromTheAgencysRequestThroughTheOutboxToTheStatistics() {
        String traceId = randomHex(16);
        String agencySpan = randomHex(8);
        String agency = RegisteredPartners.agencyWithAgreementInForce();
        String passId = given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, agency))
                .header("Idempotency-Key", UUID.randomUUID().toString()).header(EventTrace.HEADER, "00-" + traceId + "-" + agencySpan + "-01")
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"AB\",\"birthYear\":1990}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getString("id");

        List<ConsumerRecord<String, String>> records = KafkaTopics.onTestBroker().readUntil("kulturpass.passes",
                record -> record.key().equals(passId), Duration.ofSeconds(20));
        String[] traceParent = KafkaTopics.header(records.get(records.size() - 1), EventTrace.HEADER)
                .orElseThrow(() -> new AssertionError("no traceparent on pass.issued")).split("-");
        assertEquals(traceId, traceParent[1]);

        SpanData request = TestSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER);
        assertEquals(agencySpan, request.getParentSpanId());
        SpanData publish = TestSpans.await(span -> span.getSpanId().equals(traceParent[2]));
        assertEquals(request.getSpanId(), publish.getParentSpanId());
        assertEquals(publish.getSpanId(), received(traceId, "kulturpass.passes").getParentSpanId());
    }
}
