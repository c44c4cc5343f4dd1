package lu.kulturpass.eligibility.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.testing.ScrapedMetrics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvImportTest {

    private static ValidatableResponse upload(AgencyWorker staff, byte[] file, boolean approve) {
        return given().auth().oauth2(staff.token).contentType("text/csv").body(file)
                .when().post("/imports?approve=" + approve).then();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndReasonAndTheGoodRowsAreImported() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String dupont = AgencyWorker.surname("Dupont");
        String today = LocalDate.now().toString();
        String file = "\uFEFFMénage;Nom;Prénom;Date de naissance;Situation du ménage;Commune;Critère;Justificatif;Émis par;Numéro;Date du justificatif\r\n"
                + "F1;" + dupont + ";Claire;14.07.1984;famille monoparentale;Esch-sur-Alzette;AVC_ENERGY_BONUS;Décision FNS;FNS;A-1;" + today + "\r\n"
                + "F1;" + dupont + ";Hugo;03/02/2014;;;;;;;\r\n"
                + ";" + dupont + ";Marc;1970-13-40;;;;;;;\r\n"                    // line 4: no such date
                + ";;Anne;1970-01-01;;;;;;;\r\n"                                   // line 5: no last name
                + ";" + dupont + ";Paul;1960-01-01;;;NOPE;x;y;;" + today + "\r\n"   // line 6: unknown criterion
                + ";" + dupont + ";Rose;1961-01-01;;;DPI;Attestation;Immigration;;2020-01-01\r\n" // line 7: evidence too old
                + "F2;" + dupont + ";Claire;1984-07-14;;;;;;;\r\n"                 // line 8: same person as line 2
                + ";" + dupont + ";Zoé;1990-01-01\r\n"                             // line 9: too few cells
                + "\r\n"
                + "F3;" + dupont + ";Léa;1999-09-09;bizarre;;;;;;\r\n"             // line 11: unknown situation
                + "F4;" + dupont + ";Tom;1999-09-10;SINGLE_ADULT;Diekirch;;;;;\r\n";
        JsonPath report = upload(staff, utf8(file), false).statusCode(200).extract().jsonPath();
        assertEquals(10, report.getInt("rows"));
        assertEquals(3, report.getInt("imported"));
        assertEquals(2, report.getInt("households"));
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 11), report.getList("badRows.line", Integer.class));
        assertTrue(report.getString("badRows[0].reason").contains("\"1970-13-40\" is not a date"), report.prettify());
        assertEquals("last name is empty", report.getString("badRows[1].reason"));
        assertEquals("criterion NOPE is unknown or retired", report.getString("badRows[2].reason"));
        assertTrue(report.getString("badRows[3].reason").contains("no longer counts for DPI"));
        assertEquals("the same person as line 2", report.getString("badRows[4].reason"));
        assertEquals("has 4 cells where the header has 11", report.getString("badRows[5].reason"));
        assertTrue(report.getString("badRows[6].reason").startsWith("household situation \"bizarre\""));

        staff.get("/enrolments").body("$", hasSize(2))
                .body("find { it.members.size() == 2 }.householdSituation", equalTo("SINGLE_PARENT"))
                .body("find { it.members.size() == 2 }.municipality", equalTo("Esch-sur-Alzette"))
                .body("find { it.members.size() == 2 }.status", equalTo("SUBMITTED"))
                .body("find { it.members.size() == 1 }.members[0].firstName", equalTo("Tom"));
    }

    @Test
    void aGermanListWithCommasIsImportedAndApprovedThroughToPasses() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String weber = AgencyWorker.surname("Weber");
        String file = "Haushalt,Nachname,Vorname,Geburtsdatum,Haushaltssituation,Gemeinde,Kriterium,Nachweis,Aussteller,Nummer,Datum des Nachweises\n"
                + "H1," + weber + ",Jean,30.11.1958,alleinstehend,\"Luxembourg, Ville\",RPGH,Bescheid,FNS,R-9," + LocalDate.now().minusMonths(2) + "\n"
                + "H2," + weber + ",Anna,01.01.1990,,,,,,,\n";
        JsonPath report = upload(staff, utf8(file), true).statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("imported"));
        assertEquals(1, report.getInt("approved"));
        assertEquals(List.of(), report.getList("badRows"));
        staff.get("/enrolments?status=APPROVED").body("$", hasSize(1))
                .body("[0].municipality", equalTo("Luxembourg, Ville"))
                .body("[0].householdSituation", equalTo("SINGLE_ADULT"))
                .body("[0].decisions[0].criterion", equalTo("RPGH"))
                .body("[0].decisions[0].evidence.number", equalTo("R-9"))
                .body("[0].members[0].passNumber", org.hamcrest.Matchers.matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"));
        staff.get("/enrolments?status=SUBMITTED").body("$", hasSize(1));
    }

    @Test
    void theRowsOfEveryImportAreCountedForOperatorsAsEnrolledOrLeftOut() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String name = AgencyWorker.surname("Schmit");
        String file = "Ménage;Nom;Prénom;Date de naissance\r\n"
                + "M1;" + name + ";Lena;2001-02-03\r\n"
                + "M1;" + name + ";Max;2003-04-05\r\n"
                + "M2;;Ines;2004-05-06\r\n"; // no last name: left out
        ScrapedMetrics before = ScrapedMetrics.now();
        upload(staff, utf8(file), false).statusCode(200).body("imported", equalTo(2));
        ScrapedMetrics after = ScrapedMetrics.now();
        assertEquals(2, after.value(ROWS, "outcome=\"enrolled\"") - before.value(ROWS, "outcome=\"enrolled\""));
        assertEquals(1, after.value(ROWS, "outcome=\"left-out\"") - before.value(ROWS, "outcome=\"left-out\""));
    }

    private static final String ROWS = "kulturpass_import_rows_total";

    @Test
    void aFileThatIsNotUtf8OrLacksAColumnIsRefusedAsAWhole() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        upload(staff, "Nom;Prénom;Date de naissance\nHéloïse;Anne;1990-01-01\n".getBytes(StandardCharsets.ISO_8859_1), false)
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("not UTF-8"));
        upload(staff, utf8("Nom;Prénom\nX;Y\n"), false).statusCode(400)
                .body("detail", equalTo("The first line must name the columns; missing: date de naissance / Geburtsdatum"));
        upload(staff, new byte[0], false).statusCode(400).body("detail", equalTo("The file is empty"));
        staff.get("/enrolments").body("$", hasSize(0));
    }

    @Test
    void theExportedListImportsBackAndLogsTheExport() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String meyer = AgencyWorker.surname("Meyer");
        String id = staff.enrol(AgencyWorker.household("COUPLE_WITH_CHILDREN", AgencyWorker.member("Ida", meyer, "1980-01-01"),
                AgencyWorker.member("Oskar", meyer, "2012-12-12"))).getString("id");
        staff.approve(id);
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=de").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFHaushalt;Nachname;Vorname;Geburtsdatum;Haushaltssituation;Gemeinde;Status;Kartennummer;gültig bis;anderswo eingeschrieben",
                lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith(id + ";" + meyer + ";Ida;1980-01-01;COUPLE_WITH_CHILDREN;Esch-sur-Alzette;APPROVED;"), lines.get(1));
        staff.get("/privacy/beneficiaries/" + staff.get("/enrolments/" + id).extract().path("members[0].id") + "/views")
                .body("action", org.hamcrest.Matchers.hasItem("EXPORTED_LIST"));

        // another agency imports the exported file: one household of two, the extra columns ignored
        AgencyWorker other = AgencyWorker.ofNewAgency();
        JsonPath report = upload(other, utf8(csv), false).statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("households"));
        assertEquals(2, report.getInt("imported"));
        assertEquals(List.of("Status", "Kartennummer", "gültig bis", "anderswo eingeschrieben"), report.getList("ignoredColumns"));
        other.get("/enrolments").body("[0].status", equalTo("NEEDS_REVIEW"));
    }

    @Test
    void namesThatASpreadsheetWouldRunAsFormulasAreExportedAsTextAndImportBackAsTyped() throws Exception {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Formula");
        List<String> typed = List.of("=HYPERLINK(1)", "+cmd", "-2+3", "@SUM(1)");
        for (int i = 0; i < typed.size(); i++) {
            staff.enrol(AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member(typed.get(i), family, "199" + i + "-01-01")));
        }
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=en").then().statusCode(200)
                .extract().asString();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new java.io.StringReader(csv))) {
            List<String> firstNames = parser.getRecords().stream().skip(1).map(record -> record.get(2)).sorted().toList();
            assertEquals(typed.stream().map(name -> "'" + name).sorted().toList(), firstNames, csv);
        }
        AgencyWorker other = AgencyWorker.ofNewAgency();
        upload(other, utf8(csv), false).statusCode(200).body("imported", equalTo(4));
        other.get("/beneficiaries?q=" + family.split(" ")[1]).body("firstName", org.hamcrest.Matchers.containsInAnyOrder(typed.toArray()));
    }

    @Test
    void aRowWithAControlCharacterIsReportedAndTheOthersAreImported() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Nul");
        String file = "Nom;Prénom;Date de naissance\r\n" + family + ";A\u0000na;1990-01-01\r\n" + family + ";Luc;1991-01-01\r\n";
        JsonPath report = upload(staff, utf8(file), false).statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("imported"));
        assertEquals(List.of(2), report.getList("badRows.line", Integer.class));
        assertEquals("holds a control character (such as NUL) in a cell", report.getString("badRows[0].reason"));
    }
}
