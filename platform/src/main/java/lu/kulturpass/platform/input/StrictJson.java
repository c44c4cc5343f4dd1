package lu.kulturpass.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON read the same strict way by the three services (requests, events, answers of other services): a field given
 * twice, anything after the value, a fraction for a whole number, a number or a boolean for text, a number for a date,
 * and nesting deeper than {@link #DEEPEST} levels are refused; text holds no control characters ({@link PlainText});
 * dates lie in the years the programme can mean ({@link ProgrammeDates}). {@code JsonProblems} words each refusal.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** No request nests deeper than a few levels (a household's members' evidence): 32 is far above, and far below harm. */
    public static final int DEEPEST = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DEEPEST).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultLeniency(false);
        // a number is not text, nor a date, nor a yes/no; a whole number stays one where a whole number is asked
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        SimpleModule module = new SimpleModule("kulturpass-strict-input");
        module.setDeserializerModifier(new ProgrammeDates.OnlyAsText());
        module.addDeserializer(String.class, new PlainText());
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus's own customizers (the java.time module among them)
    }
}
