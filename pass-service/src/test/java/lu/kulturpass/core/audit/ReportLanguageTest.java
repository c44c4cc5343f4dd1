package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The annual report (PDF) and the exports (CSV) say the programme's codes in words of the language asked for. */
@QuarkusTest
class ReportLanguageTest {

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final AuditData data = new AuditData(programmeStaff);

    private void aSingleParentHouseholdEnrolled() {
        String agencyId = data.agency("Office social de Mersch");
        data.enrol(agencyId, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(programmeStaff).when()
                .get("/statistics/programme").then().extract().jsonPath().getList("byHouseholdSituation.group").contains("SINGLE_PARENT"));
    }

    /** The file's rows as a spreadsheet reads them. */
    private static List<List<String>> records(String csv) {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new java.io.StringReader(csv))) {
            return parser.getRecords().stream().map(record -> record.toList()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNoCode(String text) {
        Matcher code = CODE.matcher(text);
        assertFalse(code.find(), () -> "a code, " + code.group() + ", in " + text);
    }

    @Test
    void theAnnualReportPdfInFrenchSaysItsFiguresAndHouseholdSituationsInFrenchWords() throws IOException {
        aSingleParentHouseholdEnrolled();
        byte[] pdf = given().auth().oauth2(programmeStaff).header("Accept-Language", "fr-LU")
                .when().get("/statistics/programme.pdf").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        for (String words : new String[] {"Rapport annuel Kulturpass", "Pass délivrés", "Personnes touchées", "Places utilisées",
                "Par situation du ménage", "Famille monoparentale", "Pourquoi ces chiffres diffèrent"}) {
            assertTrue(text.contains(words), words + " in " + text);
        }
        assertNoCode(text);
    }

    @Test
    void theAnnualReportPdfIsInTheLanguageItsParameterNames() throws IOException {
        aSingleParentHouseholdEnrolled();
        byte[] pdf = given().auth().oauth2(programmeStaff).header("Accept-Language", "fr")
                .when().get("/statistics/programme.pdf?language=lb").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Kulturpass-Joresbericht") && text.contains("Eenelterendeel-Famill")
                    && text.contains("Erreecht Persounen"), text);
            assertNoCode(text);
        }
    }

    @Test
    void theProgrammeCsvInLuxembourgishHasWordsInItsHeadersAndValues() {
        aSingleParentHouseholdEnrolled();
        String csv = new String(given().auth().oauth2(programmeStaff).header("Accept-Language", "lb")
                .when().get("/statistics/programme.csv").then().statusCode(200).contentType("text/csv").extract().asByteArray(),
                StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = records(csv);
        assertEquals(List.of("Zuel", "Grupp", "Wäert"), rows.get(0));
        assertTrue(rows.stream().anyMatch(row -> row.get(0).equals("No Situatioun vum Stot") && row.get(1).equals("Eenelterendeel-Famill")), csv);
        assertTrue(rows.stream().anyMatch(row -> row.get(0).equals("Ausgestallte Päss"))
                && rows.stream().anyMatch(row -> row.get(0).equals("Benotzt Plazen")), csv);
        assertNoCode(csv);
    }

    @Test
    void thePartnerListCsvInFrenchSaysKindsAndAgreementStatusesInWords() {
        String theatreId = data.theatre("Théâtre d’Esch").getString("id");
        data.activeAgreement(theatreId);
        String csv = new String(given().auth().oauth2(programmeStaff).when().get("/statistics/partners.csv?language=fr")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = records(csv);
        assertEquals(List.of("Numéro du partenaire", "Partenaire", "Type", "Convention"), rows.get(0).subList(0, 4));
        List<String> row = rows.stream().filter(cells -> cells.get(0).equals(theatreId)).findFirst().orElseThrow();
        assertEquals(List.of("Culturel", "En vigueur"), row.subList(2, 4));
        assertNoCode(String.join(";", rows.get(0)) + String.join(";", row));
    }

    @Test
    void anExportInALanguageTheProgrammeDoesNotSpeakIsRefusedNamingTheFourItDoes() {
        given().auth().oauth2(programmeStaff).header("Accept-Language", "lb").when().get("/statistics/programme.csv?language=pt")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("d’Sprooch „pt“ gëtt et net; wielt eng vun dësen: fr, de, en, lb"));
    }
}
