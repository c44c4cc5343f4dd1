package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.token.PassCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of places and "once", enforced by PostgreSQL when many doors scan at the same moment. */
@QuarkusTest
class PlacesTest {

    private static String theatre;
    private String boxOffice;

    @BeforeEach
    void aTheatre() {
        theatre = Door.venueFor(this, "theatre");
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
    }

    /** Runs the scans at once on as many threads; the reasons they got, counted. */
    static Map<String, Long> atOnce(List<Callable<JsonPath>> scans) throws Exception {
        ExecutorService doors = Executors.newFixedThreadPool(scans.size());
        try {
            List<String> reasons = new ArrayList<>();
            for (Future<JsonPath> answer : doors.invokeAll(scans)) {
                reasons.add(answer.get().getString("reason"));
            }
            return reasons.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            doors.shutdown();
        }
    }

    private int placesUsed(String performance) {
        List<Map<String, Object>> list = given().auth().oauth2(boxOffice).when().get("/performances")
                .then().statusCode(200).extract().path("findAll { it.performanceId == '" + performance + "' }");
        return (Integer) list.get(0).get("placesUsed");
    }

    @Test
    void fortyDoorsScanningTheLastFivePlacesAdmitExactlyFive() throws Exception {
        String performance = Door.performance(theatre, 5);
        List<Callable<JsonPath>> scans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String token = Door.validToken();
            scans.add(() -> Door.scan(boxOffice, token, performance));
        }
        Map<String, Long> reasons = atOnce(scans);
        assertEquals(5L, reasons.get("VALID"), reasons.toString());
        assertEquals(35L, reasons.get("SOLD_OUT"), reasons.toString());
        assertEquals(5, placesUsed(performance));
        JsonPath late = Door.scan(boxOffice, Door.validToken(), performance);
        assertEquals("No Kulturpass places left for this performance.", late.getString("message"));
    }

    @Test
    void theSamePassAtTwoDoorsAtOnceIsAdmittedOnceAndTakesOnePlace() throws Exception {
        String performance = Door.performance(theatre, 50);
        for (int round = 0; round < 5; round++) {
            String token = Door.validToken();
            Map<String, Long> reasons = atOnce(List.of(() -> Door.scan(boxOffice, token, performance),
                    () -> Door.scan(boxOffice, token, performance)));
            assertEquals(1L, reasons.get("VALID"), reasons.toString());
            assertEquals(1L, reasons.get("ALREADY_ADMITTED"), reasons.toString());
        }
        assertEquals(5, placesUsed(performance));
    }

    @Test
    void aGroupTakesAPlaceForEachMemberAndIsRefusedWhenTheyDoNotAllFit() {
        String performance = Door.performance(theatre, 10);
        JsonPath group = Door.scan(boxOffice, Door.token(PassCategory.COLLECTIVE, 8), performance);
        assertEquals(true, group.getBoolean("admitted"));
        assertEquals(12.00f, group.getFloat("price"));
        assertEquals(8, placesUsed(performance));
        assertEquals("SOLD_OUT", Door.scan(boxOffice, Door.token(PassCategory.COLLECTIVE, 3), performance).getString("reason"));
        assertEquals("VALID", Door.scan(boxOffice, Door.token(PassCategory.COLLECTIVE, 2), performance).getString("reason"));
        assertEquals(10, placesUsed(performance));
    }

    @Test
    void onePassMayComeToTwoPerformancesTheSameDayButOnlyOnceToEach() {
        String matinee = Door.performance(theatre, 10);
        String evening = Door.performance(theatre, 10);
        String token = Door.validToken();
        assertEquals("VALID", Door.scan(boxOffice, token, matinee).getString("reason"));
        assertEquals("VALID", Door.scan(boxOffice, token, evening).getString("reason"));
        assertEquals("ALREADY_ADMITTED", Door.scan(boxOffice, token, evening).getString("reason"));
    }

    @Test
    void aTheatreNeedsAPerformanceOfItsOwnThatIsNotCancelled() {
        assertEquals("PERFORMANCE_REQUIRED", Door.scan(boxOffice, Door.validToken(), null).getString("reason"));
        assertEquals("UNKNOWN_PERFORMANCE", Door.scan(boxOffice, Door.validToken(), UUID.randomUUID().toString()).getString("reason"));
        String cancelled = Door.performance(theatre, 10);
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, theatre)).when().post("/performances/" + cancelled + "/cancel")
                .then().statusCode(200);
        assertEquals("PERFORMANCE_CANCELLED", Door.scan(boxOffice, Door.validToken(), cancelled).getString("reason"));
    }

    @Test
    void aScanForAnotherVenuesPerformanceIsRefusedAndRecordsNothing() {
        String elsewhere = Door.venueFor(this, "another theatre");
        String theirShow = Door.performance(elsewhere, 10);
        String card = Door.validToken();
        String nonce = UUID.randomUUID().toString();
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"token\":\"" + card + "\",\"nonce\":\"" + nonce + "\",\"device\":\"door-1\",\"performanceId\":\"" + theirShow + "\"}")
                .when().post("/admissions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Performance " + theirShow + " is at another venue: "
                        + "you can only scan for, or change, your own venue's performances"));

        assertEquals(0, Written.admissionsWithNonces(nonce));
        JsonPath atTheirDoor = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, elsewhere), card, theirShow);
        assertEquals("VALID", atTheirDoor.getString("reason"));
        assertEquals(1, Written.admissionEventsOfPass(ScannerVenue.passId(card), atTheirDoor.getString("admissionId")).size(),
                "no event of the refused scan");
    }

    @Test
    void aPerformanceOnAnotherDayIsRefusedAndTakesNoPlace() {
        String manager = BearerTokens.token(Roles.VENUE_MANAGER, theatre);
        String nextWeek = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"title\":\"Tartuffe\",\"startsAt\":\"" + java.time.OffsetDateTime.now().plusDays(7) + "\",\"placesOffered\":10}")
                .when().post("/performances").then().statusCode(201).extract().path("performanceId");
        JsonPath answer = Door.scan(boxOffice, Door.validToken(), nextWeek);
        assertEquals("PERFORMANCE_NOT_TODAY", answer.getString("reason"));
        assertEquals("This performance is not today. Choose today's performance.", answer.getString("message"));
        List<Map<String, Object>> listed = given().auth().oauth2(boxOffice).when()
                .get("/performances?from=" + java.time.LocalDate.now().plusDays(6) + "&to=" + java.time.LocalDate.now().plusDays(8))
                .then().statusCode(200).extract().path("findAll { it.performanceId == '" + nextWeek + "' }");
        assertEquals(0, listed.get(0).get("placesUsed"), "a refused scan takes no place");
    }

    @Test
    void aMuseumAdmitsAPassOnceADayWithoutPerformancesAndTwoDoorsAtOnceAdmitItOnce() throws Exception {
        String museum = Door.museum();
        String desk = BearerTokens.token(Roles.BOX_OFFICE, museum);
        String token = Door.validToken();
        List<Callable<JsonPath>> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scans.add(() -> Door.scan(desk, token, null));
        }
        Map<String, Long> reasons = atOnce(scans);
        assertEquals(1L, reasons.get("VALID"), reasons.toString());
        assertEquals(5L, reasons.get("ALREADY_ADMITTED_TODAY"), reasons.toString());
        given().auth().oauth2(desk).contentType(ContentType.JSON).when().get("/performances").then().statusCode(200);
    }
}
