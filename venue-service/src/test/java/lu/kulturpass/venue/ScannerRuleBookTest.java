package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lu.kulturpass.venue.admission.RuleBook;
import org.junit.jupiter.api.Test;

/**
 * The scanner page's offline rules (offline.js, {@code Offline.judge}) against every case of the admission rule book
 * (rule-book.json, the cases AdmissionRulesBookTest runs against the Java rules), in headless Chromium at each case's
 * fixed instant: the facts given as the offline kit and this device's queue hold them.
 */
@QuarkusTest
class ScannerRuleBookTest extends ScannerBrowserTest {

    private static final String PERFORMANCE = "00000000-0000-0000-0000-000000000024";
    /** The standings the kit lists as not admitting (PassStanding.notAdmitting), without saying which. */
    private static final Set<String> NOT_ADMITTING = Set.of("SUSPENDED", "REVOKED", "REPLACED");

    /** Offline.judge's arguments for these facts: the card as read, the kit, the performance chosen, the queue, now. */
    private static ArrayNode offlineArguments(ObjectMapper json, JsonNode facts) {
        JsonNode card = facts.get("card");
        JsonNode performance = facts.get("performance");
        ArrayNode arguments = json.createArrayNode();
        ObjectNode checked = arguments.addObject();
        checked.set("reason", card.get("refusal"));
        checked.set("card", card.get("refusal").isNull() ? card : null);
        ObjectNode kit = arguments.addObject();
        ArrayNode revoked = kit.putArray("revokedPasses");
        if (NOT_ADMITTING.contains(facts.get("standing").asText())) {
            revoked.add(card.get("passId"));
        }
        kit.set("agreement", facts.get("agreement"));
        ArrayNode performances = kit.putArray("performances");
        boolean already = facts.get("alreadyAdmitted").asBoolean();
        if (!performance.isNull() && performance.get("known").asBoolean()) {
            // what this device admitted (the queue below) is no longer in the places left the server would read
            performances.addObject().put("performanceId", PERFORMANCE).put("status", performance.get("status").asText())
                    .put("day", performance.get("day").asText()).put("startsAt", performance.get("startsAt").asText())
                    .put("placesOffered", performance.get("placesLeft").asInt() + (already ? 1 : 0)).put("placesUsed", 0);
        }
        arguments.add(performance.isNull() ? null : PERFORMANCE);
        ArrayNode queue = arguments.addArray();
        if (already) {
            ObjectNode admitted = queue.addObject().put("admittedOffline", true)
                    .put("performanceId", performance.isNull() ? null : PERFORMANCE)
                    .put("scannedAt", facts.get("scannedAt").asText()).put("groupSize", 1);
            admitted.set("passId", card.get("passId"));
        }
        arguments.add(OffsetDateTime.parse(facts.get("scannedAt").asText()).toInstant().toEpochMilli());
        return arguments;
    }

    @Test
    void theOfflinePageGivesEveryCaseOfTheRuleBookItsReason() throws IOException {
        browser.open(url.toString());
        ObjectMapper json = new ObjectMapper();
        List<RuleBook.Case> cases = RuleBook.cases();
        ArrayNode calls = json.createArrayNode();
        cases.forEach(rule -> calls.add(offlineArguments(json, rule.facts())));
        String answers = browser.script("return JSON.stringify(JSON.parse(arguments[0]).map((a) => Offline.judge(...a)));",
                calls.toString());
        List<String> expected = new ArrayList<>();
        List<String> given = new ArrayList<>();
        JsonNode reasons = json.readTree(answers);
        for (int i = 0; i < cases.size(); i++) {
            expected.add(cases.get(i).name() + ": " + cases.get(i).offlineReason());
            given.add(cases.get(i).name() + ": " + reasons.get(i).asText());
        }
        assertEquals(String.join("\n", expected), String.join("\n", given));
    }
}
