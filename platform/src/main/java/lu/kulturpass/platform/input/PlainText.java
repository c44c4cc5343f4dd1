package lu.kulturpass.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import lu.kulturpass.platform.problem.ProblemWords;

/**
 * Text as people type it: no control characters (NUL and the other C0 characters, and DEL), except tab, line feed and
 * carriage return. PostgreSQL cannot store a NUL in text, and the others only hide or damage what is shown.
 */
public class PlainText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && !isPlain(text)) {
            throw new RefusedInput(parser, String.class, ProblemWords::mustBePlainText);
        }
        return text;
    }

    /** Whether the text holds no control character other than tab, line feed and carriage return. */
    public static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
