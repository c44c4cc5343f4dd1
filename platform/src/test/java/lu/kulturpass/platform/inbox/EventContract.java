package lu.kulturpass.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.lang.reflect.RecordComponent;
import java.util.TimeZone;
import java.util.UUID;
import lu.kulturpass.platform.input.StrictJson;

/**
 * What the topics' contract tests share: an event's data written as the outbox writes it, and read as a consumer's inbox
 * reads it ({@link IncomingEvent#data(Class)}, the path every consumer takes).
 * <p>
 * The outbox writes with the service's ObjectMapper: Quarkus's (its modules, dates as text, UTC) with the platform's
 * {@link StrictJson}. This mapper is set up the same way, outside Quarkus; the inbox parses the record's value with it
 * ({@code IncomingEvent.read}) before a consumer reads the data into its record.
 */
final class EventContract {

    static final ObjectMapper SERVICE_JSON = serviceJson();

    private EventContract() {
    }

    private static ObjectMapper serviceJson() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .build();
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** The event's data as the outbox writes it to its row (and the relay sends it). */
    static String written(Object data) {
        try {
            return SERVICE_JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** The data of an event of this type, as a consumer reads it from the topic into {@code shape}. */
    static <T> T read(String type, int schemaVersion, String data, Class<T> shape) {
        try {
            return new IncomingEvent(UUID.randomUUID().toString(), type, schemaVersion, null, "key", SERVICE_JSON.readTree(data))
                    .data(shape);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Every field of the record holds a value: none dropped on the way, so equality with the sample covers them all. */
    static void assertEveryFieldSet(Record sample) {
        for (RecordComponent component : sample.getClass().getRecordComponents()) {
            try {
                assertNotNull(component.getAccessor().invoke(sample), component.getName() + " of the sample");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Written as the producer wrote it before its record, then read back whole by the consumers' record. */
    static <T extends Record> void assertWrittenAsBeforeAndReadWhole(T sample, String before, String type, int version) {
        assertEveryFieldSet(sample);
        String written = written(sample);
        assertEquals(before, written, "the data on the wire");
        assertEquals(sample, read(type, version, written, sample.getClass()));
    }
}
