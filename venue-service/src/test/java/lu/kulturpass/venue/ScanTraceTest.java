package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import lu.kulturpass.platform.outbox.EventTrace;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A scan is one trace from the door to its event: the request's span (continuing the caller's trace when the request
 * names one), then the sending of its event by the outbox relay, whose span the event's traceparent header names, so
 * that the consumers (pass-service's statistics: its {@code EventTraceTest}) continue the same trace.
 */
@QuarkusTest
class ScanTraceTest {

    private static String venue;
    private static String performance;

    private String scanOnce(RequestSpecification request) {
        Door.passServicePublishedItsKey();
        if (venue == null) {
            venue = Door.theatre();
            performance = Door.performance(venue, 100);
        }
        return request.auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, venue)).contentType(ContentType.JSON)
                .body("{\"token\":\"" + Door.validToken() + "\",\"nonce\":\"" + UUID.randomUUID()
                        + "\",\"device\":\"door-1\",\"performanceId\":\"" + performance + "\"}")
                .when().post("/admissions").then().statusCode(200).extract().jsonPath().getString("admissionId");
    }

    /** The traceparent header of the admission's event: {@code 00-<trace id>-<span id>-<flags>}, split. */
    private static String[] traceOfEvent(String admissionId) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.onTestBroker().readUntil("kulturpass.admissions",
                record -> record.value().contains(admissionId), Duration.ofSeconds(20));
        ConsumerRecord<String, String> event = records.get(records.size() - 1);
        return KafkaTopics.header(event, EventTrace.HEADER).orElseThrow(() -> new AssertionError("no traceparent on the event"))
                .split("-");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void aScanRequestStartsTheTraceItsEventCarriesThroughTheOutbox() {
        String admissionId = scanOnce(given());
        String[] traceParent = traceOfEvent(admissionId);

        SpanData door = TestSpans.await(span -> span.getTraceId().equals(traceParent[1]) && span.getKind() == SpanKind.SERVER);
        assertEquals("POST /admissions", door.getName());
        SpanData publish = TestSpans.await(span -> span.getSpanId().equals(traceParent[2]));
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals("kulturpass.admissions publish", publish.getName());
        assertEquals(door.getSpanId(), publish.getParentSpanId(), "the event is sent in the scan's trace");
    }

    @Test
    void aScanWhoseRequestNamesATraceContinuesItUpToItsEvent() {
        String traceId = randomHex(16);
        String scannerSpan = randomHex(8);
        String admissionId = scanOnce(given().header(EventTrace.HEADER, "00-" + traceId + "-" + scannerSpan + "-01"));

        assertEquals(traceId, traceOfEvent(admissionId)[1]);
        SpanData door = TestSpans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER);
        assertEquals(scannerSpan, door.getParentSpanId());
    }
}
