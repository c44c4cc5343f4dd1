package lu.kulturpass.core.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    @Test
    void programmeBreakdownsHideCellsOfFewerThanFivePeople() {
        String agencyId = RegisteredPartners.agency();
        String large = "Commune-" + UUID.randomUUID();
        String small = "Commune-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            enrol(agencyId, large, "18-25");
        }
        for (int i = 0; i < 2; i++) {
            enrol(agencyId, small, "18-25");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/statistics/programme", programmeStaff).getList("byMunicipality.group").contains(small)
                        && Integer.valueOf(6).equals(cell(get("/statistics/programme", programmeStaff), large).get("people")));
        JsonPath programme = get("/statistics/programme", programmeStaff);
        Map<String, Object> hidden = cell(programme, small);
        assertEquals(true, hidden.get("suppressed"));
        assertTrue(!hidden.containsKey("people") || hidden.get("people") == null, "a cell of 2 people was shown: " + hidden);
        assertEquals(false, cell(programme, large).get("suppressed"));
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
