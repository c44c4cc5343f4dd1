package lu.kulturpass.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import lu.kulturpass.platform.words.Catalogue;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/**
 * A refused bean-validation constraint as a sentence in a language. An annotation whose message is {@code "{key}"}, key
 * a word without parameters of one of the service's catalogues ({@code @NotBlank(message = "{householdNameRequired}")}),
 * says that word: a whole sentence. One with Hibernate Validator's own message says the platform's sentence for its
 * kind of constraint, naming the field as the client sent it ("The field 'email' is required"). Any other message
 * (a literal one) keeps "field: message".
 */
final class Violations {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^\\{([A-Za-z][A-Za-z0-9]*)}$");
    /** Hibernate Validator's own messages: {jakarta.validation.constraints.NotNull.message}, {org.hibernate.validator.…}. */
    private static final java.util.regex.Pattern VALIDATOR_DEFAULT =
            java.util.regex.Pattern.compile("^\\{(jakarta\\.validation|javax\\.validation|org\\.hibernate\\.validator)\\..*}$");

    private final Language language;
    private final List<Class<?>> bundles;
    private final ProblemWords words;

    private Violations(Language language, List<Class<?>> bundles) {
        this.language = language;
        this.bundles = bundles;
        this.words = Words.in(ProblemWords.class, language);
    }

    static Violations in(Language language) {
        return new Violations(language, Arc.container().instance(Catalogue.class).get().bundles());
    }

    String describe(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        Matcher key = KEY.matcher(template == null ? "" : template);
        if (key.matches()) {
            Optional<String> word = Words.byKey(bundles, key.group(1), language);
            if (word.isPresent()) {
                return word.get();
            }
        }
        String field = field(violation);
        if (template == null || VALIDATOR_DEFAULT.matcher(template).matches()) {
            return ofKind(violation.getConstraintDescriptor().getAnnotation(), field, violation.getInvalidValue());
        }
        return field + ": " + violation.getMessage();
    }

    private String ofKind(Annotation constraint, String field, Object value) {
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return words.constraintRequired(field);
        }
        if (constraint instanceof Size size) {
            if (value instanceof CharSequence text) {
                return text.length() > size.max() ? words.constraintTooLong(field, String.valueOf(size.max())) : words.constraintTooShort(field, String.valueOf(size.min()));
            }
            return words.constraintEntries(field, String.valueOf(size.min()), String.valueOf(size.max()));
        }
        if (constraint instanceof Min min) {
            return words.constraintAtLeast(field, String.valueOf(min.value()));
        }
        if (constraint instanceof DecimalMin min) {
            return words.constraintAtLeast(field, min.value());
        }
        if (constraint instanceof Max max) {
            return words.constraintAtMost(field, String.valueOf(max.value()));
        }
        if (constraint instanceof DecimalMax max) {
            return words.constraintAtMost(field, max.value());
        }
        if (constraint instanceof Positive) {
            return words.constraintPositive(field);
        }
        if (constraint instanceof PositiveOrZero) {
            return words.constraintNotNegative(field);
        }
        if (constraint instanceof Pattern) {
            return words.constraintPattern(field);
        }
        if (constraint instanceof Email) {
            return words.constraintEmail(field);
        }
        if (constraint instanceof Past) {
            return words.constraintPast(field);
        }
        if (constraint instanceof PastOrPresent) {
            return words.constraintNotFuture(field);
        }
        if (constraint instanceof Future || constraint instanceof FutureOrPresent) {
            return words.constraintFuture(field);
        }
        if (constraint instanceof AssertTrue) {
            return words.constraintTrue(field);
        }
        return words.constraintInvalid(field);
    }

    /** The field as the client sent it: the path without "method.argument.". */
    static String field(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().toString();
        int dot = field.indexOf('.');
        for (int i = 0; i < 2 && dot >= 0; i++) {
            field = field.substring(dot + 1);
            dot = field.indexOf('.');
        }
        return field;
    }
}
