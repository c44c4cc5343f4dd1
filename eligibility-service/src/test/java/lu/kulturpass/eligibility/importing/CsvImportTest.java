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

    private static ValidatableResponse upload(AgencyWorker staff, byte[] file, String language) {
        return given().auth().oauth2(staff.token).header("Accept-Language", language).contentType("text/csv").body(file)
                .when().post("/imports?approve=false").then();
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
        assertTrue(report.getString("badRows[0].reason").contains("Birth date \"1970-13-40\" is not a date"), report.prettify());
        assertEquals("Last name is empty", report.getString("badRows[1].reason"));
        assertEquals("The criterion \"NOPE\" is unknown or retired", report.getString("badRows[2].reason"));
        assertEquals("The evidence dated 2020-01-01 no longer counts for Applicant for international protection (DPI) (6 months)",
                report.getString("badRows[3].reason"));
        assertEquals("The same person as line 2", report.getString("badRows[4].reason"));
        assertEquals(List.of("The line has 4 cells where the first line has 11"), report.getList("badRows[5].problems"));
        assertEquals("The household situation \"bizarre\" is not one of: Single adult, Single parent, Couple without children, "
                + "Couple with children, Other situation", report.getString("badRows[6].reason"));

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
                .body("detail", equalTo("The first line must name the columns; missing: Birth date"));
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
        assertEquals("\uFEFFHaushalt;Nachname;Vorname;Geburtsdatum;Haushaltssituation;Gemeinde;Status;Kartennummer;Gültig bis;"
                + "Anderswo eingeschrieben;Erfülltes Kriterium;Gründe der Entscheidung", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith(id + ";" + meyer + ";Ida;1980-01-01;Paar mit Kindern;Esch-sur-Alzette;Bewilligt;"), lines.get(1));
        assertTrue(lines.get(1).endsWith(";Teuerungszulage und/oder Energieprämie (FNS);Kriterium erfüllt"), lines.get(1));
        staff.get("/privacy/beneficiaries/" + staff.get("/enrolments/" + id).extract().path("members[0].id") + "/views")
                .body("action", org.hamcrest.Matchers.hasItem("EXPORTED_LIST"));

        // another agency imports the exported file: one household of two, the extra columns ignored
        AgencyWorker other = AgencyWorker.ofNewAgency();
        JsonPath report = upload(other, utf8(csv), false).statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("households"));
        assertEquals(2, report.getInt("imported"));
        assertEquals(List.of("Status", "Kartennummer", "Gültig bis", "Anderswo eingeschrieben", "Erfülltes Kriterium",
                "Gründe der Entscheidung"), report.getList("ignoredColumns"));
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
        List<List<String>> rows = export(staff, "en");
        List<String> firstNames = rows.stream().skip(1).map(row -> row.get(2)).sorted().toList();
        assertEquals(typed.stream().map(name -> "'" + name).sorted().toList(), firstNames, rows.toString());
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=en").then().statusCode(200)
                .extract().asString();
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
        assertEquals("A cell holds a control character (such as NUL)", report.getString("badRows[0].reason"));
    }

    @Test
    void everyProblemOfALineIsReportedInTheCallersLanguageNotOnlyTheFirst() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Reuter");
        byte[] file = utf8("Nom;Prénom;Date de naissance;Situation du ménage\r\n"
                + family + ";;31.02.1990;bizarre\r\n"          // line 2: no first name, no such date, no such situation
                + family + ";Lis;1991-01-01;personne seule\r\n");
        JsonPath french = upload(staff, file, "fr-LU, fr;q=0.9").statusCode(200).extract().jsonPath();
        assertEquals(1, french.getInt("imported"));
        assertEquals(List.of(2), french.getList("badRows.line", Integer.class));
        assertEquals(List.of("Prénom : vide",
                "Date de naissance : « 31.02.1990 » n'est pas une date (écrivez 2026-03-31, 31.03.2026 ou 31/03/2026)",
                "La situation du ménage « bizarre » n'est pas l'une de : Personne seule, Famille monoparentale, "
                        + "Couple sans enfants, Couple avec enfants, Autre situation"), french.getList("badRows[0].problems"));

        AgencyWorker other = AgencyWorker.ofNewAgency();
        JsonPath luxembourgish = upload(other, file, "lb").statusCode(200).extract().jsonPath();
        assertEquals(List.of("Virnumm: eidel",
                "Gebuertsdatum: „31.02.1990“ ass keen Datum (schreift 2026-03-31, 31.03.2026 oder 31/03/2026)",
                "D'Situatioun vum Stot „bizarre“ ass keng vun dësen: Eleng wunnend Persoun, Eenelterendeel-Famill, "
                        + "Koppel ouni Kanner, Koppel mat Kanner, Aner Situatioun"), luxembourgish.getList("badRows[0].problems"));
        assertEquals(String.join("; ", luxembourgish.<String>getList("badRows[0].problems")), luxembourgish.getString("badRows[0].reason"));
    }

    @Test
    void aFileRefusedAsAWholeIsExplainedInTheCallersLanguage() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        upload(staff, "Nom;Prénom;Date de naissance\nHéloïse;Anne;1990-01-01\n".getBytes(StandardCharsets.ISO_8859_1), "fr")
                .statusCode(400).body("detail", equalTo("Le fichier n'est pas en UTF-8 : dans le tableur, enregistrez-le au format « CSV UTF-8 »"));
        upload(staff, utf8("Familljennumm;Virnumm\nX;Y\n"), "lb").statusCode(400)
                .body("detail", equalTo("Déi éischt Linn muss d'Kolonnen nennen; et feelt: Gebuertsdatum"));
    }

    @Test
    void aLuxembourgishListWithTheWordsOfEveryLanguageIsImported() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Wagner");
        String file = "Stot;Familljennumm;Virnumm;Gebuertsdatum;Situatioun vum Stot;Gemeng;Critère;Beleeg;Ausgestallt vun;Nummer;Datum vum Beleeg\n"
                + "S1;" + family + ";Mia;12.05.1985;Eenelterendeel-Famill;Wolz;Hëllef vum CePAS (klengt Akommes);Attest;CePAS;C-1;"
                + LocalDate.now().minusMonths(1) + "\n"
                + "S1;" + family + ";Ben;2015-03-04;;;;;;;\n"
                + "S2;" + family + ";Jo;1970-01-01;personne seule;;;;;;\n"    // the words of other languages, as lists are written
                + "S3;" + family + ";Ed;1971-01-01;Alleinstehend;;;;;;\n";
        JsonPath report = upload(staff, utf8(file), "lb").statusCode(200).extract().jsonPath();
        assertEquals(List.of(), report.getList("badRows"), report.prettify());
        assertEquals(4, report.getInt("imported"));
        assertEquals(3, report.getInt("households"));
        staff.get("/enrolments").body("find { it.members.size() == 2 }.householdSituation", equalTo("SINGLE_PARENT"))
                .body("findAll { it.members.size() == 1 }.householdSituation", org.hamcrest.Matchers.everyItem(equalTo("SINGLE_ADULT")));
    }

    @Test
    void theExportInFrenchAndLuxembourgishSaysSituationsStatusesCriteriaAndReasonsInWordsNotCodes() throws Exception {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Kremer");
        String approved = staff.enrol(AgencyWorker.household("COUPLE_WITH_CHILDREN", AgencyWorker.member("Ida", family, "1980-01-01")))
                .getString("id");
        staff.approve(approved);
        String rejected = staff.enrol(AgencyWorker.household("SINGLE_PARENT", AgencyWorker.member("Max", family, "1981-01-01")))
                .getString("id");
        staff.decide(rejected, "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"INCOME_ABOVE_LIMIT\",\"NOT_RESIDENT\"]}").statusCode(200);

        List<List<String>> french = export(staff, "fr");
        assertEquals(List.of("Ménage", "Nom", "Prénom", "Date de naissance", "Situation du ménage", "Commune", "Statut",
                "Numéro de carte", "Valable jusqu'au", "Inscrit·e ailleurs", "Critère rempli", "Motifs de la décision"), french.get(0));
        assertEquals(List.of("Couple avec enfants", "Accordée", "Allocation de vie chère et/ou prime énergie (FNS)"),
                List.of(french.get(1).get(4), french.get(1).get(6), french.get(1).get(10)));
        assertEquals(List.of("Famille monoparentale", "Refusée", "revenu au-dessus du plafond, pas résident·e"),
                List.of(french.get(2).get(4), french.get(2).get(6), french.get(2).get(11)));

        List<List<String>> luxembourgish = export(staff, "lb");
        assertEquals(List.of("Stot", "Familljennumm", "Virnumm", "Gebuertsdatum", "Situatioun vum Stot", "Gemeng", "Status",
                "Kaartennummer", "Gëlteg bis", "Anerwäerts ageschriwwen", "Erfëllte Critère", "Grënn vun der Decisioun"), luxembourgish.get(0));
        assertEquals(List.of("Koppel mat Kanner", "Accordéiert", "Teierungszoulag an/oder Energiepräm (FNS)"),
                List.of(luxembourgish.get(1).get(4), luxembourgish.get(1).get(6), luxembourgish.get(1).get(10)));
        assertEquals(List.of("Eenelterendeel-Famill", "Refuséiert", "Akommes iwwer der Grenz, wunnt net hei am Land"),
                List.of(luxembourgish.get(2).get(4), luxembourgish.get(2).get(6), luxembourgish.get(2).get(11)));
        for (List<List<String>> export : List.of(french, luxembourgish)) {
            for (List<String> row : export) {
                for (String cell : row) {
                    assertTrue(!cell.matches(".*\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b.*"), "a code in the export: " + cell);
                }
            }
        }
        // the Luxembourgish export imports back, its situations read from their words
        AgencyWorker other = AgencyWorker.ofNewAgency();
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=lb").then().statusCode(200)
                .extract().asString();
        upload(other, utf8(csv), false).statusCode(200).body("imported", equalTo(2)).body("badRows", hasSize(0));
        given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=pt").then().statusCode(400)
                .body("detail", equalTo("language 'pt' is not available; use one of fr, de, en, lb"));
    }

    /** The agency's export in a language, as rows of cells (the first: the headers), ordered by first name. */
    private static List<List<String>> export(AgencyWorker staff, String language) throws Exception {
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv?lang=" + language).then().statusCode(200)
                .extract().asString();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new java.io.StringReader(csv.replace("\uFEFF", "")))) {
            List<List<String>> rows = parser.getRecords().stream().map(record -> record.toList()).toList();
            List<List<String>> sorted = new java.util.ArrayList<>(rows.subList(1, rows.size()));
            sorted.sort(java.util.Comparator.comparing(row -> row.get(2)));
            sorted.add(0, rows.get(0));
            return sorted;
        }
    }
}
