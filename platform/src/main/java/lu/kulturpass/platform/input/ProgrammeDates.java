package lu.kulturpass.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Set;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.words.Words;

/**
 * Dates and times as the programme can mean them: written as text (ISO 8601), never as a number (20260101 would be a
 * day of the year 57440, or a second of 1970), and between {@link #EARLIEST} and {@link #LATEST}: the oldest
 * beneficiary's birth date and the furthest an agreement or a pass can run.
 */
public final class ProgrammeDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, Instant.class);

    private ProgrammeDates() {
    }

    /** Whether the date lies in the years the programme can mean. */
    public static boolean meant(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * A date sent as a query or path parameter ({@code from=2026-03-14}): blank gives {@code otherwise}; anything but a
     * date between {@link #EARLIEST} and {@link #LATEST} is a 400 naming the parameter, as a body's date is.
     */
    public static LocalDate parameter(String name, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(Words.of(ProblemWords.class).problemParameterNotADate(name));
        }
        if (!meant(date)) {
            throw ProblemException.badRequest(Words.of(ProblemWords.class).problemParameterOutOfRange(name, EARLIEST.toString(), LATEST.toString()));
        }
        return date;
    }

    private static LocalDate dayOf(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime time) {
            return time.toLocalDate();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toLocalDate();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toLocalDate();
        }
        return ((Instant) value).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Wraps the java.time deserializers: text only, and within the range. */
    static final class OnlyAsText extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return DATES.contains(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Class<?> type = handledType();
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedInput(parser, type, type == LocalDate.class ? ProblemWords::mustBeDateAsText : ProblemWords::mustBeDateTimeAsText);
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof Temporal && !meant(dayOf(value))) {
                throw new RefusedInput(parser, type, words -> words.mustBeDateBetween(EARLIEST.toString(), LATEST.toString()));
            }
            return value;
        }
    }
}
