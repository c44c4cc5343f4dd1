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

/**
 * A request body Jackson could not read, said as a person can act on it: which field, and what it must be. Never the
 * parser's own words (they name Java types and internal tokens).
 */
final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        return Problem.of(400, "Invalid request", detail(e));
    }

    private static String detail(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return e.getOriginalMessage().contains("nesting depth")
                    ? "The request body is nested more than " + StrictJson.DEEPEST + " levels deep; no request needs that"
                    : "The request body holds a value longer than any field allows";
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof RefusedInput refused) {
            return named(field) + refused.reason();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + (field.isEmpty() ? u.getPropertyName() : field) + "'";
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return "Field '" + (field.isEmpty() ? duplicate.group(1) : field) + "' is given twice; give each field once";
        }
        if (e instanceof JsonEOFException) {
            return "The request body is not valid JSON: it ends before its value is complete";
        }
        if (e instanceof JsonParseException) {
            return "The request body is not valid JSON" + where(e.getLocation()) + ": check its quotes, commas and brackets";
        }
        if (e instanceof ValueInstantiationException v) {
            return v.getCause() instanceof IllegalArgumentException reason && reason.getMessage() != null
                    ? reason.getMessage() : "The request body cannot be read" + (field.isEmpty() ? "" : ": check field '" + field + "'");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return named(field) + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            String message = String.valueOf(m.getOriginalMessage());
            if (message.startsWith("No content to map")) {
                return "The request needs a JSON body";
            }
            if (message.startsWith("Trailing token")) {
                return "The request body has more after its JSON value; send one JSON value";
            }
            return m.getTargetType() != null && !field.isEmpty() ? named(field) + expected(m.getTargetType())
                    : field.isEmpty() ? "The request body does not have the expected shape" : "Field '" + field + "' has the wrong type";
        }
        return field.isEmpty() ? "The request body cannot be read" : "Field '" + field + "' cannot be read";
    }

    /** What a value of the type must look like, to follow "Field 'x' ". */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + List.of(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "must be a number, like 1.50";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type == UUID.class) {
            return "must be an id like 3f2b8c1e-9d4a-4c6b-8e2f-1a7d5c9b0e34";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-03-14";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time like 2026-03-14T20:00:00+01:00";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list [ … ]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object { … }";
        }
        return "has the wrong type";
    }

    private static String named(String field) {
        return field.isEmpty() ? "The request body " : "Field '" + field + "' ";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
