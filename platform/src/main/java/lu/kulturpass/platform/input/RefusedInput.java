package lu.kulturpass.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value of a request body refused for a reason a person can act on; Jackson adds the field's path as it propagates. */
public class RefusedInput extends MismatchedInputException {

    private final String reason;

    RefusedInput(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    /** What is wrong with the value, to follow the field's name: "must be …". */
    public String reason() {
        return reason;
    }
}
