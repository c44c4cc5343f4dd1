package lu.kulturpass.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lu.kulturpass.platform.input.RefusedInput;
import lu.kulturpass.platform.input.StrictJson;
import lu.kulturpass.platform.words.Words;

/**
 * A request body Jackson could not read, said as a person can act on it: which field, and what it must be. Never the
 * parser's own words (they name Java types and internal tokens), in the caller's language; the field stays as the client sent it.
 */
final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        return Problem.of(400, null, detail(e, Words.of(ProblemWords.class)));
    }

    private static String detail(JsonProcessingException e, ProblemWords words) {
        if (e instanceof StreamConstraintsException) {
            return e.getOriginalMessage().contains("nesting depth") ? words.jsonTooDeep(String.valueOf(StrictJson.DEEPEST)) : words.jsonValueTooLong();
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof RefusedInput refused) {
            return named(field, refused.reason(words), words);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return words.jsonUnknownField(field.isEmpty() ? u.getPropertyName() : field);
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return words.jsonFieldTwice(field.isEmpty() ? duplicate.group(1) : field);
        }
        if (e instanceof JsonEOFException) {
            return words.jsonEndsEarly();
        }
        if (e instanceof JsonParseException) {
            JsonLocation location = e.getLocation();
            return location == null || location.getLineNr() < 1 ? words.jsonNotValid()
                    : words.jsonNotValidAt(String.valueOf(location.getLineNr()), String.valueOf(location.getColumnNr()));
        }
        if (e instanceof ValueInstantiationException v) {
            return v.getCause() instanceof IllegalArgumentException reason && reason.getMessage() != null
                    ? reason.getMessage() : field.isEmpty() ? words.jsonUnreadable() : words.jsonCheckField(field);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return named(field, expected(f.getTargetType(), words), words);
        }
        if (e instanceof MismatchedInputException m) {
            String message = String.valueOf(m.getOriginalMessage());
            if (message.startsWith("No content to map")) {
                return words.jsonNeedsBody();
            }
            if (message.startsWith("Trailing token")) {
                return words.jsonTrailing();
            }
            return m.getTargetType() != null && !field.isEmpty() ? named(field, expected(m.getTargetType(), words), words)
                    : field.isEmpty() ? words.jsonWrongShape() : words.jsonField(field, words.hasWrongType());
        }
        return field.isEmpty() ? words.jsonUnreadable() : words.jsonUnreadableField(field);
    }

    /** What a value of the type must look like, to follow "Field 'x' ". */
    static String expected(Class<?> type, ProblemWords words) {
        if (type.isEnum()) {
            return words.mustBeOneOf(String.valueOf(List.of(type.getEnumConstants())));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == BigInteger.class) {
            return words.mustBeWholeNumber();
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return words.mustBeNumber();
        }
        if (type == boolean.class || type == Boolean.class) {
            return words.mustBeTrueOrFalse();
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return words.mustBeText();
        }
        if (type == UUID.class) {
            return words.mustBeId();
        }
        if (type == LocalDate.class) {
            return words.mustBeDate();
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return words.mustBeDateTime();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return words.mustBeList();
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return words.mustBeObject();
        }
        return words.hasWrongType();
    }

    /** "Field 'x' must …", or "The request body must …" when the value is the body itself. */
    private static String named(String field, String must, ProblemWords words) {
        return field.isEmpty() ? words.jsonBody(must) : words.jsonField(field, must);
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
