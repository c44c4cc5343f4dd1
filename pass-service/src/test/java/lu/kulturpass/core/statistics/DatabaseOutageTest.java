package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.statistics.PartnerStatisticsTest.ADMISSIONS;
import static lu.kulturpass.core.statistics.PartnerStatisticsTest.admitted;
import static lu.kulturpass.core.statistics.PartnerStatisticsTest.registerTheatre;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.DatabaseOutage;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service's own test database made unreachable (new connections refused, open ones ended: DatabaseOutage), as
 * during a PostgreSQL restart, while the machine's server keeps serving other test runs.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String DEAD_LETTERS = "kulturpass.dead-letters.pass-service.admissions";
    private static final AtomicLong PASS_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private int admissions(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId)
                .then().statusCode(200).extract().jsonPath().getInt("admissions");
    }

    private Set<String> deadLetterIds() {
        return Set.copyOf(kafka.readToEnd(DEAD_LETTERS, Duration.ofSeconds(20)).stream()
                .map(record -> KafkaTopics.header(record, "ce_id").orElse("")).toList());
    }

    @Test
    void admissionEventsConsumedDuringAnOutageWaitAndCountOnceAfterwardsWhileAPoisonEventAmongThemIsStillDeadLettered()
            throws Exception {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        long pass = PASS_IDS.incrementAndGet();
        String key = String.valueOf(pass);
        String first = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl())) {
            try (var producer = kafka.producer()) {
                // one key, so one partition: in this order, most likely in one poll
                kafka.send(producer, ADMISSIONS, key, first, "lu.kulturpass.admission.recorded",
                        admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
                kafka.send(producer, ADMISSIONS, key, poison, "lu.kulturpass.admission.recorded", "{\"admissionId\": not json");
                kafka.send(producer, ADMISSIONS, key, second, "lu.kulturpass.admission.recorded",
                        admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
            }
            Thread.sleep(5_000); // polled meanwhile, and tried again several times (200 ms, 400 ms, ... 3.2 s)
            Set<String> deadDuringOutage = deadLetterIds();
            assertFalse(deadDuringOutage.contains(first) || deadDuringOutage.contains(second),
                    "a good event was dead-lettered while the database was away");
            assertFalse(deadDuringOutage.contains(poison), "the poison event overtook the good one before it");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> admissions(partnerId) >= 2);
        List<ConsumerRecord<String, String>> dead = kafka.readUntil(DEAD_LETTERS,
                record -> KafkaTopics.header(record, "ce_id").map(poison::equals).orElse(false), Duration.ofSeconds(30));
        ConsumerRecord<String, String> poisoned = dead.get(dead.size() - 1);
        assertTrue(KafkaTopics.header(poisoned, "dead-letter-reason").orElse("").contains("unreadable data"),
                "the reason travels with the dead letter: " + KafkaTopics.header(poisoned, "dead-letter-reason"));
        assertEquals(ADMISSIONS, KafkaTopics.header(poisoned, "dead-letter-topic").orElseThrow());
        Set<String> deadAfter = deadLetterIds();
        assertFalse(deadAfter.contains(first) || deadAfter.contains(second), "a good event was dead-lettered");
        Thread.sleep(1_000);
        assertEquals(2, admissions(partnerId), "each admission counts exactly once");
    }

    @Test
    void aRequestThatCannotReachTheDatabaseAnswers503ProblemWithRetryAfterNever500AndReadinessGoesDownThenUp() {
        String partnerId = registerTheatre(programmeStaff).getString("id");
        given().when().get("/q/health/ready").then().statusCode(200);
        try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl())) {
            for (int i = 0; i < 3; i++) { // an ended pooled connection, then refused new ones
                Response read = given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId);
                read.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                        .body("status", equalTo(503)).body("detail", containsString("database"));
            }
            given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                    .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Salle\"}]}")
                    .when().post("/partners").then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
            given().when().get("/q/health/ready").then().body("status", equalTo("DOWN"));
        }
        long back = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        assertTrue(System.nanoTime() - back < Duration.ofSeconds(10).toNanos(), "readiness up again within seconds");
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId).then().statusCode(200);
    }

    @Test
    void anEventDeadLetteredWhileItsCauseExistedIsAppliedOnceByAReplayAfterTheFixAndASecondReplayChangesNothing() throws Exception {
        JsonPath theatre = registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        long pass = PASS_IDS.incrementAndGet();
        String constraint = "test_refuses_pass_" + pass;
        // the cause: the database refuses this pass's admissions (as a migration gone wrong might)
        sql("alter table admission_fact add constraint " + constraint + " check (pass_id <> " + pass + ") not valid");
        String eventId = UUID.randomUUID().toString();
        try {
            kafka.publish(ADMISSIONS, String.valueOf(pass), eventId, "lu.kulturpass.admission.recorded",
                    admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
            List<ConsumerRecord<String, String>> dead = kafka.readUntil(DEAD_LETTERS,
                    record -> KafkaTopics.header(record, "ce_id").map(eventId::equals).orElse(false), Duration.ofSeconds(30));
            assertTrue(KafkaTopics.header(dead.get(dead.size() - 1), "dead-letter-reason").isPresent());
            assertEquals(0, admissions(partnerId));
        } finally {
            sql("alter table admission_fact drop constraint if exists " + constraint); // the fix
        }
        JsonPath replay = given().auth().oauth2(programmeStaff).when().post("/dead-letters/admissions/replay")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(DEAD_LETTERS, replay.getString("topic"));
        assertEquals(1, replay.getInt("applied"), "only the fixed event is applied: " + replay.prettify());
        assertFalse(replay.getList("failed.eventId").contains(eventId));
        assertEquals(1, admissions(partnerId));

        JsonPath again = given().auth().oauth2(programmeStaff).when().post("/dead-letters/admissions/replay")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("applied"));
        assertTrue(again.getInt("alreadyApplied") >= 1);
        assertEquals(1, admissions(partnerId), "a second replay changes nothing");

        given().auth().oauth2(programmeStaff).when().post("/dead-letters/no-such-channel/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
