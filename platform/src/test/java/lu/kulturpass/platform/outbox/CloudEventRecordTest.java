package lu.kulturpass.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CloudEventRecordTest {

    @Test
    void anEventOfAWholeMinuteCarriesItsSecondsSoEveryCloudEventsReaderParsesItsTime() {
        OffsetDateTime wholeMinute = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);
        String time = CloudEventRecord.time(wholeMinute);
        assertEquals("2026-12-07T12:00:00Z", time);
        assertEquals(wholeMinute.toInstant(), ZonedDateTime.parse(time, KafkaCloudEventHelper.RFC3339_DATE_FORMAT).toInstant());
    }

    @Test
    void anEventsTimeIsWrittenInUtcToTheMicrosecond() {
        OffsetDateTime inLuxembourg = OffsetDateTime.of(2026, 12, 7, 13, 5, 7, 123_456_000, ZoneOffset.ofHours(1));
        assertEquals("2026-12-07T12:05:07.123456Z", CloudEventRecord.time(inLuxembourg));
    }
}
