package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardPdfTest {

    private static final String NAME = "Zoë Łukasiewicz-Ørsted";

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    @Inject
    DataSource database;

    static byte[] card(String token, long passId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/passes/" + passId + "/card.pdf")
                .then().statusCode(200).contentType("application/pdf").header("Cache-Control", "private, no-store")
                .extract().asByteArray();
    }

    @Test
    void cardPageIsExactlyId1InPoints() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        byte[] pdf = card(agencyStaff(agency), pass.getLong("id"), Map.of("holderName", NAME, "language", "en"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDRectangle page = document.getPage(0).getMediaBox();
            assertEquals(85.60 / 25.4 * 72, page.getWidth(), 0.001, "85.60 mm");
            assertEquals(53.98 / 25.4 * 72, page.getHeight(), 0.001, "53.98 mm");
        }
    }

    @Test
    void qrCodeOnThePrintedCardDecodesToThePassToken() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        byte[] pdf = card(agencyStaff(agency), pass.getLong("id"), Map.of("holderName", NAME, "language", "fr"));
        // at most of 150 (a cheap office printer) to 300 DPI: a reader misses about one code in a hundred at one
        // given resolution and reads it at the others, as a camera does a moment later (docs/cards.md)
        int reading = CardTestSupport.resolutionsReading(pdf, pass.getString("token"));
        assertTrue(reading >= CardTestSupport.MOST_RESOLUTIONS,
                "the card's code read at " + reading + " of " + CardTestSupport.PRINT_RESOLUTIONS.length + " resolutions");
    }

    @Test
    void accentedNameIsPrintedWithTheEmbeddedFont() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        byte[] pdf = card(agencyStaff(agency), pass.getLong("id"), Map.of("holderName", NAME, "language", "de"));
        assertTrue(CardTestSupport.text(pdf).contains(NAME), CardTestSupport.text(pdf));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " must be embedded, not taken from the printer's fonts");
            }
        }
    }

    @Test
    void eachLanguageShowsItsOwnLabelsAndDates() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        LocalDate from = LocalDate.parse(pass.getString("validFrom"));
        LocalDate until = LocalDate.parse(pass.getString("validUntil"));
        long id = pass.getLong("id");
        String fr = CardTestSupport.text(card(agencyStaff(agency), id, Map.of("holderName", NAME, "language", "fr")));
        String de = CardTestSupport.text(card(agencyStaff(agency), id, Map.of("holderName", NAME, "language", "de")));
        String en = CardTestSupport.text(card(agencyStaff(agency), id, Map.of("holderName", NAME, "language", "en")));
        assertTrue(fr.contains("N° de pass") && fr.contains("Validité") && fr.contains("pièce d’identité"), fr);
        assertTrue(fr.contains(String.format("du %1$td/%1$tm/%1$tY au %2$td/%2$tm/%2$tY", from, until)), fr);
        assertTrue(de.contains("Pass-Nr.") && de.contains("Gültigkeit") && de.contains("gültig mit Ausweis"), de);
        assertTrue(de.contains(String.format("vom %1$td.%1$tm.%1$tY bis %2$td.%2$tm.%2$tY", from, until)), de);
        assertTrue(en.contains("Pass number") && en.contains("Valid") && en.contains("valid with an ID document"), en);
        assertFalse(en.contains("Pass-Nr.") || en.contains("N° de pass"), en);
        for (String text : List.of(fr, de, en)) {
            assertTrue(text.contains(pass.getString("number")) && text.contains("Kulturpass"), text);
        }
    }

    @Test
    void withoutALanguageTheAcceptLanguageHeaderChooses() throws Exception {
        long id = CardTestSupport.issue(agency).getLong("id");
        byte[] pdf = given().auth().oauth2(agencyStaff(agency)).header("Accept-Language", "de-LU, en;q=0.5")
                .contentType(ContentType.JSON).body(Map.of("holderName", NAME))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(200).extract().asByteArray();
        assertTrue(CardTestSupport.text(pdf).contains("Pass-Nr."));
        byte[] french = card(agencyStaff(agency), id, Map.of("holderName", NAME));
        assertTrue(CardTestSupport.text(french).contains("N° de pass"), "French without any hint");
    }

    @Test
    void cardShowsOnlyNameNumberValidityAndWhatTheDoorNeeds() throws Exception {
        JsonPath child = CardTestSupport.issue(agency, "CHILD", 1);
        JsonPath group = CardTestSupport.issue(agency, "COLLECTIVE", 12);
        JsonPath adult = CardTestSupport.issue(agency, "ADULT", 1);
        String childCard = CardTestSupport.text(card(agencyStaff(agency), child.getLong("id"), Map.of("holderName", NAME, "language", "en")));
        String groupCard = CardTestSupport.text(card(agencyStaff(agency), group.getLong("id"), Map.of("holderName", "Club Ensemble", "language", "en")));
        String adultCard = CardTestSupport.text(card(agencyStaff(agency), adult.getLong("id"), Map.of("holderName", NAME, "language", "en")));
        assertTrue(childCard.contains("Child"), childCard);
        assertTrue(groupCard.contains("Group of 12 people"), groupCard);
        String validity = adultCard.lines().filter(l -> l.startsWith("from ")).findFirst().orElseThrow();
        assertEquals(List.of("Kulturpass", "Name", NAME, "Pass number", adult.getString("number"), "Valid", validity,
                "Personal card, valid with an ID document"), adultCard.lines().map(String::strip).toList(),
                "no benefit, social category, agency or holder reference on the card");
        assertFalse(adultCard.contains(adult.getString("holderRef")));
    }

    @Test
    void longNameWrapsOntoMoreLinesRatherThanBeingCut() throws Exception {
        long id = CardTestSupport.issue(agency).getLong("id");
        String name = "Maria Fernanda da Conceição Albuquerque-Vasconcelos de Souza Pereira";
        String text = CardTestSupport.text(card(agencyStaff(agency), id, Map.of("holderName", name, "language", "fr")));
        String printed = text.substring(text.indexOf("Nom") + 3, text.indexOf("N° de pass")).strip().replaceAll("\\s+", " ");
        assertEquals(name, printed);
    }

    @Test
    void holderNameIsPrintedButNeverStored() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        String name = "Ægir Þórsdóttir-" + pass.getLong("id");
        card(agencyStaff(agency), pass.getLong("id"), Map.of("holderName", name, "language", "en"));
        assertEquals(0, CardTestSupport.rowsContaining(database, name));
        assertTrue(CardTestSupport.rowsContaining(database, pass.getString("holderRef")) > 0,
                "the search finds what is stored (the pass and its event hold the holder reference)");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        long id = CardTestSupport.issue(agency).getLong("id");
        String token = agencyStaff(agency);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("holderName"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("holderName", " ", "language", "en"))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("holderName", "x".repeat(101)))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("holderName", NAME, "language", "it"))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("language 'it' is not available; use one of fr, de, en, lb"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("holderName", "山田 花子"))
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("U+5C71"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"holderName\": ")
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("holderName", NAME))
                .when().post("/passes/424242/card.pdf").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheIssuingAgencyAndProgrammeStaffCanPrintTheCard() {
        long id = CardTestSupport.issue(agency).getLong("id");
        Map<String, String> body = Map.of("holderName", NAME);
        given().auth().oauth2(agencyStaff(RegisteredPartners.agency())).contentType(ContentType.JSON).body(body)
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.boxOffice(agency)).contentType(ContentType.JSON).body(body)
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(401).contentType("application/problem+json");
        card(CardTestSupport.programmeStaff(), id, body);
    }
}
