package lu.kulturpass.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.function.Function;
import lu.kulturpass.platform.problem.ProblemWords;

/**
 * A value of a request body refused for a reason a person can act on; Jackson adds the field's path as it propagates.
 * The reason is said when the answer is written, in the caller's language.
 */
public class RefusedInput extends MismatchedInputException {

    private final transient Function<ProblemWords, String> reason;

    RefusedInput(JsonParser parser, Class<?> type, Function<ProblemWords, String> reason) {
        super(parser, "refused " + type.getSimpleName() + " value", type);
        this.reason = reason;
    }

    /** What is wrong with the value, to follow the field's name: "must be …". */
    public String reason(ProblemWords words) {
        return reason.apply(words);
    }
}
