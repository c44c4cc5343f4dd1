package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SocialAndProgrammeStatisticsTest {

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();

    private void enrol(String agencyId, String municipality, String ageBand) {
        String beneficiary = UUID.randomUUID().toString();
        String data = "{\"beneficiaryId\":\"" + beneficiary + "\",\"agencyId\":\"" + agencyId + "\",\"ageBand\":\"" + ageBand
                + "\",\"municipality\":\"" + municipality + "\",\"householdSituation\":\"single-parent\",\"category\":\"ADULT\"}";
        kafka.publish("kulturpass.enrolments", beneficiary, "lu.kulturpass.enrolment.submitted", data);
        kafka.publish("kulturpass.enrolments", beneficiary, "lu.kulturpass.enrolment.approved", data);
    }

    private long issuePass(String agencyStaff) {
        return given().auth().oauth2(agencyStaff).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"AB\",\"birthYear\":1980}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath get(String path, String bearer) {
        return given().auth().oauth2(bearer).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSocialPartnerSeesPeopleEnrolledPassesIssuedActiveHoldersAndTheirAdmissions() {
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        String venueId = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Musée " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Salle\"}]}")
                .when().post("/partners").then().statusCode(201).extract().path("venues[0].id");
        for (int i = 0; i < 3; i++) {
            enrol(agencyId, "Esch-sur-Alzette", "26-64");
        }
        long active = issuePass(agencyStaff);
        issuePass(agencyStaff);
        for (int i = 0; i < 2; i++) {
            kafka.publish("kulturpass.admissions", String.valueOf(active), "lu.kulturpass.admission.recorded",
                    PartnerStatisticsTest.admitted(venueId, active, "0.00", 1, OffsetDateTime.now(ZoneOffset.UTC)));
        }
        String path = "/statistics/partners/" + agencyId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath f = get(path, agencyStaff);
            return f.getInt("admissions") == 2 && f.getInt("passesIssued") == 2 && f.getInt("peopleApproved") == 3;
        });
        JsonPath figures = get(path, agencyStaff);
        assertEquals(3, figures.getInt("peopleEnrolled"));
        assertEquals(1, figures.getInt("activeHolders"));
    }

    /** People enrolled on a day of their own (far in the past: no other test enrols then), by municipality. */
    private LocalDate enrolOnADayOfTheirOwn(String agencyId, Map<String, Integer> municipalities) {
        LocalDate day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 40));
        OffsetDateTime at = day.atTime(12, 0, 1).atOffset(ZoneOffset.UTC); // with seconds: ce_time is read as such
        municipalities.forEach((municipality, people) -> {
            for (int i = 0; i < people; i++) {
                String beneficiary = UUID.randomUUID().toString();
                kafka.publish("kulturpass.enrolments", beneficiary, UUID.randomUUID().toString(), "lu.kulturpass.enrolment.submitted",
                        "{\"beneficiaryId\":\"" + beneficiary + "\",\"agencyId\":\"" + agencyId + "\",\"ageBand\":\"26-64\","
                                + "\"municipality\":\"" + municipality + "\",\"householdSituation\":\"SINGLE_ADULT\"}", at);
            }
        });
        return day;
    }

    private List<String> programmeCsv(LocalDate day) {
        byte[] file = given().auth().oauth2(programmeStaff).when().get("/statistics/programme.csv?from=" + day + "&to=" + day)
                .then().statusCode(200).extract().asByteArray();
        return List.of(new String(file, StandardCharsets.UTF_8).substring(1).split("\r\n"));
    }

    @Test
    void aBreakdownHidesTheNextSmallestCellWithASmallOneSoThatNoneFollowsFromTheTotal() {
        String agencyId = RegisteredPartners.agency();
        String large = "Ettelbruck-" + UUID.randomUUID();
        String medium = "Mersch-" + UUID.randomUUID();
        String small = "Vianden-" + UUID.randomUUID();
        Map<String, Integer> people = Map.of(large, 9, medium, 6, small, 2);
        LocalDate day = enrolOnADayOfTheirOwn(agencyId, people);
        String path = "/statistics/programme?from=" + day + "&to=" + day;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(17).equals(get(path, programmeStaff).get("peopleEnrolled")));
        JsonPath programme = get(path, programmeStaff);

        assertEquals(true, cell(programme, small).get("suppressed"));
        assertEquals(true, cell(programme, medium).get("suppressed"), "the small cell would be the total less the cells shown");
        assertNull(cell(programme, medium).get("people"));
        assertEquals(9, cell(programme, large).get("people"));
        // whatever is shown, the total less the cells shown is none of the hidden cells
        for (String breakdown : List.of("byMunicipality", "byAgeBand", "byHouseholdSituation")) {
            List<Map<String, Object>> cells = programme.getList(breakdown);
            long left = 17 - cells.stream().filter(c -> c.get("people") != null).mapToLong(c -> ((Number) c.get("people")).longValue()).sum();
            cells.stream().filter(c -> Boolean.TRUE.equals(c.get("suppressed")))
                    .forEach(c -> assertNotEquals((long) people.get((String) c.get("group")), left, breakdown + ": " + c));
        }
        List<String> csv = programmeCsv(day);
        assertTrue(csv.contains("People enrolled;;17"), csv.toString());
        assertTrue(csv.contains("By municipality;" + large + ";9"), csv.toString());
        assertTrue(csv.contains("By municipality;" + medium + ";hidden"), csv.toString());
        assertTrue(csv.contains("By municipality;" + small + ";hidden"), csv.toString());
        assertTrue(csv.contains("By age band;26-64;17"), csv.toString());
    }

    @Test
    void whenEveryCellHiddenIsNotEnoughTheTotalIsHiddenToo() {
        String agencyId = RegisteredPartners.agency();
        Map<String, Integer> people = Map.of("Clervaux-" + UUID.randomUUID(), 1, "Wiltz-" + UUID.randomUUID(), 1,
                "Redange-" + UUID.randomUUID(), 1);
        LocalDate day = enrolOnADayOfTheirOwn(agencyId, people);
        String path = "/statistics/programme?from=" + day + "&to=" + day;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(path, programmeStaff).getList("byMunicipality").size() == 3);
        JsonPath programme = get(path, programmeStaff);

        assertNull(programme.get("peopleEnrolled"), "three people shown as the total: " + programme.prettify());
        assertEquals(true, programme.getBoolean("peopleEnrolledSuppressed"));
        for (String breakdown : List.of("byMunicipality", "byAgeBand", "byHouseholdSituation")) {
            assertTrue(programme.getList(breakdown + ".suppressed").stream().allMatch(Boolean.TRUE::equals), breakdown);
        }
        List<String> csv = programmeCsv(day);
        assertTrue(csv.contains("People enrolled;;hidden"), csv.toString());
        assertFalse(csv.stream().anyMatch(line -> line.startsWith("By ") && !line.endsWith(";hidden")), csv.toString());
    }

    @Test
    void rebuildingFromTheTopicsGivesIdenticalFigures() {
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        JsonPath theatre = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"CULTURAL\",\"name\":\"Théâtre " + UUID.randomUUID() + "\",\"venues\":[{\"name\":\"Salle\"}]}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
        String venueId = theatre.getString("venues[0].id");
        List<Long> passes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            passes.add(issuePass(agencyStaff));
            enrol(agencyId, "Differdange", "12-17");
        }
        for (long pass : passes) {
            kafka.publish("kulturpass.admissions", String.valueOf(pass), "lu.kulturpass.admission.recorded",
                    PartnerStatisticsTest.admitted(venueId, pass, "1.50", 1, OffsetDateTime.now(ZoneOffset.UTC)));
        }
        kafka.publish("kulturpass.admissions", venueId, "lu.kulturpass.admission.refused",
                PartnerStatisticsTest.refused(venueId, 0, "EXPIRED"));
        String cultural = "/statistics/partners/" + theatre.getString("id") + "?by=day";
        String social = "/statistics/partners/" + agencyId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(cultural, programmeStaff).getInt("refusals") == 1
                && get(social, programmeStaff).getInt("activeHolders") == 3 && get(social, programmeStaff).getInt("peopleApproved") == 3);
        String before = get(cultural, programmeStaff).prettify() + get(social, programmeStaff).prettify()
                + get("/statistics/programme", programmeStaff).prettify();

        long replayed = given().auth().oauth2(programmeStaff).when().post("/statistics/rebuild")
                .then().statusCode(200).extract().jsonPath().getLong("events");
        assertTrue(replayed >= 10, "replayed only " + replayed + " events");
        String after = get(cultural, programmeStaff).prettify() + get(social, programmeStaff).prettify()
                + get("/statistics/programme", programmeStaff).prettify();
        assertEquals(before, after);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(JsonPath programme, String group) {
        return ((List<Map<String, Object>>) (List<?>) programme.getList("byMunicipality")).stream()
                .filter(c -> group.equals(c.get("group"))).findFirst().orElse(Map.of());
    }
}
