package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An admission counts on Luxembourg's day and month, whatever UTC says: scans at 23:59 and 00:01 in Luxembourg, on
 * the daylight-saving changes of 2026 and across the end of a month, fall on either side of midnight.
 */
@QuarkusTest
class AdmissionDayTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
    private static final AtomicLong PASS_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 9_000_000_000L);
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    static OffsetDateTime luxembourg(String wallClock) {
        return LocalDateTime.parse(wallClock).atZone(LUXEMBOURG).toOffsetDateTime();
    }

    private JsonPath figures(String partnerId, String query) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The series' admissions by period, leaving out the empty ones. */
    private Map<String, Integer> admissionsBy(String partnerId, String query) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        List<Map<String, Object>> series = figures(partnerId, query).getList("series");
        for (Map<String, Object> period : series) {
            int admissions = ((Number) period.get("admissions")).intValue();
            if (admissions > 0) {
                counted.put((String) period.get("period"), admissions);
            }
        }
        return counted;
    }

    @Test
    void anAdmissionAt2359CountsOnThatDayInLuxembourgAndOneAt0001OnTheNextEvenWhenUtcIsStillOnTheDayBefore() {
        JsonPath theatre = PartnerStatisticsTest.registerTheatre(programmeStaff);
        String partnerId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        List<String> scans = List.of(
                "2026-03-29T00:30", // 23:30 UTC on the 28th, before clocks go forward
                "2026-03-29T23:59", // 21:59 UTC, summer time
                "2026-03-30T00:01", // 22:01 UTC on the 29th
                "2026-05-31T23:59",
                "2026-06-01T00:01", // 22:01 UTC on 31 May
                "2026-10-25T00:30", // 22:30 UTC on the 24th, before clocks go back
                "2026-10-25T23:59", // 22:59 UTC, winter time
                "2026-10-26T00:01"); // 23:01 UTC on the 25th
        for (String scan : scans) {
            long pass = PASS_IDS.incrementAndGet();
            kafka.publish(PartnerStatisticsTest.ADMISSIONS, String.valueOf(pass), "lu.kulturpass.admission.recorded",
                    PartnerStatisticsTest.admitted(venueId, pass, "1.50", 1, luxembourg(scan)));
        }
        String year = "?from=2026-01-01&to=2026-12-31";
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(partnerId, year).getInt("admissions") == scans.size());

        assertEquals(Map.of("2026-03-29", 2, "2026-03-30", 1),
                admissionsBy(partnerId, "?from=2026-03-28&to=2026-03-31&by=day"));
        assertEquals(Map.of("2026-10-25", 2, "2026-10-26", 1),
                admissionsBy(partnerId, "?from=2026-10-24&to=2026-10-27&by=day"));
        assertEquals(Map.of("2026-03", 3, "2026-05", 1, "2026-06", 1, "2026-10", 3), admissionsBy(partnerId, year));
    }
}
