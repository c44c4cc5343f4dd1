package lu.kulturpass.venue.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The admission rule book (rule-book.json beside this class): every case of a scan, in the rules' order, with its facts
 * completed from the usual ones and the reason it must get online and on the offline page.
 */
public final class RuleBook {

    /** One case: its name, its complete facts, the server's reason and the offline page's. */
    public record Case(String name, ObjectNode facts, String reason, String offlineReason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RuleBook() {
    }

    public static List<Case> cases() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = RuleBook.class.getResourceAsStream("rule-book.json")) {
            JsonNode book = json.readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode entry : book.get("cases")) {
                ObjectNode facts = book.get("usual").deepCopy();
                merge(facts, (ObjectNode) entry.get("facts"));
                String reason = entry.get("reason").asText();
                cases.add(new Case(entry.get("name").asText(), facts, reason,
                        entry.has("offline") ? entry.get("offline").asText() : reason));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field by field: an object given for an object completes it, anything else (null included) replaces it. */
    private static void merge(ObjectNode into, ObjectNode changes) {
        changes.fields().forEachRemaining(change -> {
            JsonNode usual = into.get(change.getKey());
            if (usual != null && usual.isObject() && change.getValue().isObject()) {
                merge((ObjectNode) usual, (ObjectNode) change.getValue());
            } else {
                into.set(change.getKey(), change.getValue());
            }
        });
    }
}
