package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lu.kulturpass.core.statistics.PartnerStatisticsTest;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatisticsExportTest {

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final AuditData data = new AuditData(programmeStaff);
    private final int year = LocalDate.now().getYear();

    private ExtractableResponse<Response> csv(String path) {
        return given().auth().oauth2(programmeStaff).when().get(path).then().statusCode(200)
                .contentType("text/csv").extract();
    }

    private static List<String> lines(ExtractableResponse<Response> file) {
        return Arrays.asList(new String(file.asByteArray(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
    }

    @Test
    void thePartnerListGivesEachPartnersKindCurrentAgreementAndUsageForThePeriod() {
        JsonPath theatre = data.theatre("Théâtre");
        String theatreId = theatre.getString("id");
        String agreementId = data.activeAgreement(theatreId);
        String agencyId = data.agency("Office social");
        data.admit(theatre.getString("venues[0].id"), 3, OffsetDateTime.now(ZoneOffset.UTC));
        data.refuse(theatre.getString("venues[0].id"), "ALREADY_USED_TODAY");
        data.enrol(agencyId, 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> line = data.partnerLine(theatreId);
            return Integer.valueOf(3).equals(line.get("admissions")) && Integer.valueOf(1).equals(line.get("refusals"))
                    && Integer.valueOf(2).equals(data.partnerLine(agencyId).get("peopleEnrolled"));
        });
        Map<String, Object> cultural = data.partnerLine(theatreId);
        assertEquals("CULTURAL", cultural.get("kind"));
        assertEquals(agreementId, cultural.get("agreementId"));
        assertEquals("ACTIVE", cultural.get("agreementStatus"));
        assertEquals(null, cultural.get("peopleEnrolled"));
        Map<String, Object> social = data.partnerLine(agencyId);
        assertEquals("SOCIAL", social.get("kind"));
        assertEquals(null, social.get("agreementStatus"));
        assertEquals(null, social.get("admissions"));
        String lastYear = "?from=" + (year - 1) + "-01-01&to=" + (year - 1) + "-12-31";
        List<Map<String, Object>> before = given().auth().oauth2(programmeStaff).when().get("/statistics/partners" + lastYear)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(0, before.stream().filter(p -> theatreId.equals(p.get("partnerId"))).findFirst().orElseThrow().get("admissions"));
    }

    @Test
    void thePartnerCsvIsUtf8WithAByteOrderMarkSemicolonSeparatedOneRowPerPartner() {
        JsonPath theatre = data.theatreInUse("Théâtre; \"Scène\"", 2);
        String theatreId = theatre.getString("id");
        ExtractableResponse<Response> file = csv("/statistics/partners.csv");
        byte[] bytes = file.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"kulturpass-partners_" + year + "-01-01_"));
        List<String> lines = lines(file);
        assertEquals("Partner number;Partner;Kind;Agreement;Valid until;From;To;Admissions;Refusals;People enrolled;Passes issued",
                lines.get(0));
        String row = lines.stream().filter(l -> l.startsWith(theatreId)).findFirst().orElseThrow();
        assertTrue(row.startsWith(theatreId + ";\"" + theatre.getString("name").replace("\"", "\"\"") + "\";Cultural;Active;"), row);
        assertTrue(row.endsWith(";2;0;;"), row);
        long partners = given().auth().oauth2(programmeStaff).when().get("/partners").then().extract().jsonPath().getList("$").size();
        assertEquals(partners + 1, lines.size());
    }

    @Test
    void aPartnerNameASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws Exception {
        String name = "=HYPERLINK(\"http://example.test\";\"open\") " + java.util.UUID.randomUUID();
        String theatreId = data.theatreInUse(name, 1).getString("id");
        String file = new String(csv("/statistics/partners.csv").asByteArray(), StandardCharsets.UTF_8).substring(1);
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new java.io.StringReader(file))) {
            var row = parser.getRecords().stream().filter(record -> record.get(0).equals(theatreId)).findFirst().orElseThrow();
            assertTrue(row.get(1).startsWith("'" + name), row.get(1));
        }
    }

    @Test
    void aCulturalPartnersCsvHasEveryMonthOfThePeriodWithAmountsInEurosWithADecimalComma() {
        JsonPath theatre = data.theatre("Cinéma");
        String theatreId = theatre.getString("id");
        OffsetDateTime march = OffsetDateTime.of(year, 3, 14, 19, 0, 0, 0, ZoneOffset.UTC);
        data.admit(theatre.getString("venues[0].id"), 2, march, "1.50");
        data.awaitLine(theatreId, "admissions", 2);
        List<String> lines = lines(csv("/statistics/partners/" + theatreId + ".csv"));
        assertEquals("Partner;Month;Admissions;Refusals;Tickets;Ticket value", lines.get(0));
        assertEquals(13, lines.size());
        assertEquals(theatre.getString("name") + ";" + year + "-03;2;0;2;3,00", lines.get(3));
        assertEquals(theatre.getString("name") + ";" + year + "-01;0;0;0;0,00", lines.get(1));
    }

    @Test
    void aSocialPartnersCsvCountsPeopleEnrolledPerMonth() {
        String agencyId = data.agency("Office social");
        data.enrol(agencyId, 3);
        data.awaitLine(agencyId, "peopleEnrolled", 3);
        LocalDate today = AuditData.programmeToday();
        List<String> lines = lines(csv("/statistics/partners/" + agencyId + ".csv?from=" + today.withDayOfMonth(1) + "&to=" + today));
        assertEquals(List.of("Partner;Month;People enrolled;People approved;Passes issued;Admissions",
                data.name(agencyId) + ";" + today.toString().substring(0, 7) + ";3;3;0;0"), lines);
    }

    @Test
    void theProgrammeCsvHidesSmallGroupsAsTheApiDoesAndShowsThePlacesOfferedAndUsed() {
        String agencyId = data.agency("Office social");
        data.enrol(agencyId, 1, "Wiltz-" + agencyId);
        data.enrol(agencyId, 5, "Diekirch-" + agencyId);
        data.awaitLine(agencyId, "peopleEnrolled", 6);
        List<String> lines = lines(csv("/statistics/programme.csv"));
        assertEquals("Figure;Group;Value", lines.get(0));
        assertTrue(lines.contains("By municipality;Wiltz-" + agencyId + ";hidden"), lines.toString());
        var programme = given().auth().oauth2(programmeStaff).when().get("/statistics/programme").then().extract().jsonPath();
        // Diekirch's 5 may be hidden with the small cells (complementary suppression): as the API says, so the file
        Object diekirch = programme.getBoolean("byMunicipality.find { it.group == 'Diekirch-" + agencyId + "' }.suppressed") ? "hidden" : 5;
        assertTrue(lines.contains("By municipality;Diekirch-" + agencyId + ";" + diekirch), lines.toString());
        assertTrue(lines.contains("Passes issued;;" + programme.getLong("passesIssued")), lines.toString());
        assertTrue(lines.contains("Places offered;;" + programme.getLong("placesOffered")), lines.toString());
        assertTrue(lines.contains("Places used;;" + programme.getLong("placesUsed")), lines.toString());
    }

    @Test
    void onlyProgrammeStaffExportAndAPeriodEndingBeforeItStartsIsRefused() {
        String agencyId = data.agency("Office social");
        for (String path : List.of("/statistics/partners", "/statistics/partners.csv", "/statistics/programme.csv",
                "/statistics/partners/" + agencyId + ".csv")) {
            given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, agencyId)).when().get(path).then().statusCode(403);
            given().when().get(path).then().statusCode(401);
        }
        given().auth().oauth2(programmeStaff).when().get("/statistics/partners.csv?from=2026-05-01&to=2026-04-01").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
