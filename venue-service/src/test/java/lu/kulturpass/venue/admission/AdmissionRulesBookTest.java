package lu.kulturpass.venue.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java rules (AdmissionRules.decide, the places left included) against every case of the rule book, at the case's
 * fixed instant, on facts built as ScanFacts reads them: no database.
 */
class AdmissionRulesBookTest {

    private static final String VENUE = "theatre";
    private static final UUID PERFORMANCE = UUID.fromString("00000000-0000-0000-0000-000000000024");
    private static final ZoneId ZONE = ZoneId.of(ProgrammeCalendar.DEFAULT_ZONE);

    /** The reason the server gives to a scan with these facts, decided alone: AdmissionRules.decide on a batch of one. */
    static Reason decide(JsonNode facts) {
        JsonNode card = facts.get("card");
        JsonNode agreement = facts.get("agreement");
        JsonNode performance = facts.get("performance");
        OffsetDateTime scannedAt = OffsetDateTime.parse(facts.get("scannedAt").asText());
        long passId = card.get("passId").asLong();
        Card presented = card.get("refusal").isNull()
                ? new Card(passId, card.get("category").asText(), card.get("groupSize").asInt(), day(card.get("validFrom")),
                        day(card.get("validUntil")), "A.B.", 2000, false, null)
                : Card.refused(passId, false, Reason.valueOf(card.get("refusal").asText()));
        Scanned scan = new Scanned(UUID.randomUUID(), VENUE, "nonce", "token", presented, performance.isNull() ? null : PERFORMANCE,
                "user-box-office", "door", null, scannedAt, scannedAt.atZoneSameInstant(ZONE).toLocalDate(), scannedAt,
                Scanning.LIVE, null);
        boolean known = !performance.isNull() && performance.get("known").asBoolean();
        ScanFacts read = new ScanFacts(true, null, facts.get("standing").asText(), presented.category(), presented.groupSize(),
                presented.validFrom(), presented.validUntil(), agreement.isNull() ? null : UUID.randomUUID(),
                agreement.isNull() ? null : agreement.get("benefit").asText(), agreement.isNull() ? null : 150,
                agreement.isNull() ? null : String.join(",", texts(agreement.get("acceptedCategories"))),
                known ? VENUE : null, known ? performance.get("status").asText() : null, known ? day(performance.get("day")) : null,
                known ? OffsetDateTime.parse(performance.get("startsAt").asText()) : null,
                known ? performance.get("placesLeft").asInt() : null, facts.get("alreadyAdmitted").asBoolean());
        Decision decision = AdmissionRules.decide(List.of(scan), List.of(read)).get(0);
        return ((Decision.Record) decision).admission().reason;
    }

    @TestFactory
    Stream<DynamicTest> theJavaRulesGiveEveryCaseOfTheRuleBookItsReason() {
        return RuleBook.cases().stream().map(rule -> DynamicTest.dynamicTest(rule.name(),
                () -> assertEquals(rule.reason(), decide(rule.facts()).name(), rule.name() + " " + rule.facts())));
    }

    @Test
    void theRuleBookCoversEveryReasonTheRulesCanGive() {
        Set<Reason> missing = EnumSet.allOf(Reason.class);
        // given by the offline sync only, to an offline scan the device itself refused: not a rule of a scan
        missing.remove(Reason.REFUSED_OFFLINE);
        RuleBook.cases().forEach(rule -> missing.remove(Reason.valueOf(rule.reason())));
        assertTrue(missing.isEmpty(), "no case of the rule book gives " + missing);
    }

    private static LocalDate day(JsonNode text) {
        return text == null || text.isNull() ? null : LocalDate.parse(text.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
