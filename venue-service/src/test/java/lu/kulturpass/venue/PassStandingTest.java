package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.DatabaseOutage;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pass events from pass-service decide at the door: suspended, revoked and replaced passes are refused; typed numbers are read from them. */
@QuarkusTest
class PassStandingTest {

    private static String museum;
    private String boxOffice;

    @BeforeEach
    void aMuseum() {
        museum = Door.venueFor(this, "museum");
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum);
    }

    private static void passEvent(String eventId, long passId, String what, String data) {
        KafkaTopics.onTestBroker().publish("kulturpass.passes", String.valueOf(passId), eventId, "lu.kulturpass.pass." + what,
                "{\"passId\":" + passId + "," + data + "}");
    }

    private static void issued(long passId, String category, int groupSize) {
        passEvent(UUID.randomUUID().toString(), passId, "issued", "\"number\":\"" + PassNumber.format(passId) + "\",\"agencyId\":\"a-1\","
                + "\"category\":\"" + category + "\",\"groupSize\":" + groupSize + ",\"validFrom\":\"" + LocalDate.now().minusDays(1)
                + "\",\"validUntil\":\"" + LocalDate.now().plusYears(2) + "\",\"keyId\":41");
    }

    private static String moved(long passId, String what, String from, String to) {
        String id = UUID.randomUUID().toString();
        passEvent(id, passId, what, "\"agencyId\":\"a-1\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\"OTHER\","
                + "\"validFrom\":\"" + LocalDate.now().minusDays(1) + "\",\"validUntil\":\"" + LocalDate.now().plusYears(2) + "\"");
        return id;
    }

    private JsonPath scanUntil(String token, String reason) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> reason.equals((last[0] = Door.scan(boxOffice, token, null)).getString("reason")));
        return last[0];
    }

    @Test
    void aPassEventConsumedWhileTheDatabaseIsAwayIsAppliedOnceItIsBackAndNotDeadLettered() throws Exception {
        long pass = Door.nextPassId();
        issued(pass, "ADULT", 1);
        String token = Door.token(pass, PassCategory.ADULT, 1);
        String suspension;
        try (DatabaseOutage outage = DatabaseOutage.of(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            suspension = moved(pass, "suspended", "ACTIVE", "SUSPENDED");
            Thread.sleep(3_000); // consumed meanwhile, and tried again with the database away
        }
        scanUntil(token, "SUSPENDED");
        assertFalse(KafkaTopics.onTestBroker().readToEnd("kulturpass.dead-letters.venue-service.passes", Duration.ofSeconds(20)).stream()
                .anyMatch(record -> KafkaTopics.header(record, "ce_id").map(suspension::equals).orElse(false)),
                "an event that met a database outage is not dead-lettered");
    }

    @Test
    void aPassEventWhoseTimeCannotBeReadIsDeadLetteredAloneAndATimeWithoutSecondsIsRead() {
        long pass = Door.nextPassId();
        issued(pass, "ADULT", 1);
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        String unreadable = UUID.randomUUID().toString();
        String moves = "{\"passId\":" + pass + ",\"agencyId\":\"a-1\",\"from\":\"ACTIVE\",\"to\":\"%s\",\"reason\":\"OTHER\","
                + "\"validFrom\":\"" + LocalDate.now().minusDays(1) + "\",\"validUntil\":\"" + LocalDate.now().plusYears(2) + "\"}";
        kafka.publish("kulturpass.passes", String.valueOf(pass), unreadable, "lu.kulturpass.pass.suspended",
                moves.formatted("SUSPENDED"), "the day before yesterday");
        kafka.publish("kulturpass.passes", String.valueOf(pass), UUID.randomUUID().toString(), "lu.kulturpass.pass.revoked",
                moves.formatted("REVOKED"), "2026-12-07T12:00Z");

        scanUntil(Door.token(pass, PassCategory.ADULT, 1), "REVOKED");
        var deadLetters = kafka.readUntil("kulturpass.dead-letters.venue-service.passes",
                record -> KafkaTopics.header(record, "ce_id").map(unreadable::equals).orElse(false), Duration.ofSeconds(30));
        var deadLetter = deadLetters.get(deadLetters.size() - 1);
        assertEquals(unreadable, KafkaTopics.header(deadLetter, "ce_id").orElseThrow());
        assertTrue(KafkaTopics.header(deadLetter, "dead-letter-reason").orElse("").contains("ce_time the day before yesterday"),
                "the reason travels with the dead letter: " + KafkaTopics.header(deadLetter, "dead-letter-reason"));
    }

    @Test
    void aPassEventOfANewerSchemaVersionIsAppliedByTheFieldsThisVersionKnows() {
        // a rolling upgrade: pass-service already writes version 2 (hand-made here: a new field, a new nested object)
        long pass = Door.nextPassId();
        issued(pass, "ADULT", 1);
        KafkaTopics.onTestBroker().publish("kulturpass.passes", String.valueOf(pass), UUID.randomUUID().toString(),
                "lu.kulturpass.pass.suspended", "{\"passId\":" + pass + ",\"agencyId\":\"a-1\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\","
                        + "\"reason\":\"OTHER\",\"reasonDetail\":{\"code\":\"HOLDER_MOVED\",\"since\":\"2030-01-01\"},\"channel\":\"kiosk\","
                        + "\"validFrom\":\"" + LocalDate.now().minusDays(1) + "\",\"validUntil\":\"" + LocalDate.now().plusYears(2) + "\"}",
                java.time.Instant.now().toString(), 2);
        scanUntil(Door.token(pass, PassCategory.ADULT, 1), "SUSPENDED");
    }

    @Test
    void suspendedRevokedAndReplacedPassesAreRefusedWithTheirReason() {
        long suspended = Door.nextPassId();
        issued(suspended, "ADULT", 1);
        moved(suspended, "suspended", "ACTIVE", "SUSPENDED");
        JsonPath answer = scanUntil(Door.token(suspended, PassCategory.ADULT, 1), "SUSPENDED");
        assertFalse(answer.getBoolean("admitted"));
        assertEquals("This pass is suspended for now. The holder can contact their social office.", answer.getString("message"));

        long revoked = Door.nextPassId();
        issued(revoked, "ADULT", 1);
        moved(revoked, "revoked", "ACTIVE", "REVOKED");
        scanUntil(Door.token(revoked, PassCategory.ADULT, 1), "REVOKED");

        long replaced = Door.nextPassId();
        issued(replaced, "ADULT", 1);
        moved(replaced, "replaced", "ACTIVE", "REPLACED");
        scanUntil(Door.token(replaced, PassCategory.ADULT, 1), "REPLACED");
    }

    @Test
    void aReinstatedPassIsAdmittedAgainAndARedeliveredSuspensionChangesNothing() {
        long passId = Door.nextPassId();
        issued(passId, "ADULT", 1);
        String suspension = moved(passId, "suspended", "ACTIVE", "SUSPENDED");
        scanUntil(Door.token(passId, PassCategory.ADULT, 1), "SUSPENDED");
        moved(passId, "reinstated", "SUSPENDED", "ACTIVE");
        scanUntil(Door.token(passId, PassCategory.ADULT, 1), "VALID");
        // the same suspension event delivered again (same event id): the inbox skips it
        passEvent(suspension, passId, "suspended", "\"agencyId\":\"a-1\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\",\"reason\":\"OTHER\"");
        long marker = Door.nextPassId();
        issued(marker, "ADULT", 1);
        moved(marker, "revoked", "ACTIVE", "REVOKED");
        scanUntil(Door.token(marker, PassCategory.ADULT, 1), "REVOKED"); // events after the redelivery were applied
        JsonPath sameDay = Door.scan(boxOffice, Door.token(passId, PassCategory.ADULT, 1), null);
        assertEquals("ALREADY_ADMITTED_TODAY", sameDay.getString("reason"), "still active: only the once-a-day rule refuses it");
    }

    @Test
    void aTypedPassNumberIsCheckedAgainstPassEventsWithoutAHolderCheckFromTheServer() {
        long passId = Door.nextPassId();
        issued(passId, "COLLECTIVE", 6);
        String code = PassNumber.format(passId).toLowerCase().replace("-", "");
        JsonPath[] answer = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> (answer[0] = Door.typed(boxOffice, code, null)).getBoolean("admitted"));
        assertEquals("VALID", answer[0].getString("reason"));
        assertEquals(PassNumber.format(passId), answer[0].getString("passNumber"));
        assertEquals("COLLECTIVE", answer[0].getString("category"));
        assertEquals(6, answer[0].getInt("groupSize"));
        assertEquals("CARD", answer[0].getString("holderCheck"));
        assertNull(answer[0].get("holder"), "venue-service holds no initials for a typed number");
        assertEquals(0.00f, answer[0].getFloat("price"));

        long unknown = Door.nextPassId();
        assertEquals("UNKNOWN_CODE", Door.typed(boxOffice, PassNumber.format(unknown), null).getString("reason"));
        String mistyped = PassNumber.format(passId).substring(0, 10) + (PassNumber.format(passId).endsWith("Z") ? "Y" : "Z");
        assertEquals("UNKNOWN_CODE", Door.typed(boxOffice, mistyped, null).getString("reason"));

        long suspended = Door.nextPassId();
        issued(suspended, "ADULT", 1);
        moved(suspended, "suspended", "ACTIVE", "SUSPENDED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SUSPENDED".equals(Door.typed(boxOffice, PassNumber.format(suspended), null).getString("reason")));
    }

    @Test
    void theMessageIsInTheCallersLanguageAndEnglishWithoutOne() {
        String token = Door.validToken();
        JsonPath german = RestAssured.given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "de-LU,de;q=0.9")
                .body("{\"token\":\"" + token + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-2\"}")
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
        assertEquals("Gültiger Kulturpass: Einlass nach Prüfung des Ausweises.", german.getString("message"));
        assertEquals("ANSWER", german.getString("holderCheck"));
        JsonPath luxembourgish = RestAssured.given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "lb")
                .body("{\"token\":\"" + token + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-2\"}")
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
        assertEquals("Dës Kaart gouf haut hei scho benotzt.", luxembourgish.getString("message"));
        JsonPath english = RestAssured.given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-2\"}")
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
        assertEquals("This pass was already used here today.", english.getString("message"), "English without Accept-Language");
        assertNull(english.get("messages"), "the other languages' words are the page's catalogue (/words.js), not every answer's");
    }
}
