package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardSheetTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    private List<JsonPath> issue(int count) {
        return IntStream.range(0, count).mapToObj(i -> CardTestSupport.issue(agency)).toList();
    }

    private static List<Map<String, Object>> entries(List<JsonPath> passes) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            cards.add(Map.of("passId", passes.get(i).getLong("id"), "holderName", "Søren Ørsted " + i));
        }
        return cards;
    }

    @Test
    void tenCardsFitOnOneA4SheetAndEveryQrCodeDecodesToItsPassToken() throws Exception {
        List<JsonPath> passes = issue(10);
        byte[] pdf = given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON)
                .body(Map.of("language", "de", "cards", entries(passes)))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(PDRectangle.A4.getWidth(), document.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), document.getPage(0).getMediaBox().getHeight(), 0.01);
        }
        // read as a door's camera meets a printed card: at several sizes. ZXing's reader misses about one card code in a
        // hundred at one given resolution (at 200 DPI a module is 6.3 pixels) and reads the same code at the others
        // (docs/cards.md); each card must give its own token, in reading order, at most of the resolutions
        int[] readAt = new int[10];
        for (int dpi : CardTestSupport.PRINT_RESOLUTIONS) {
            BufferedImage sheet = CardTestSupport.render(pdf, dpi);
            float scale = dpi / 72f;
            int cardWidth = Math.round(CardLayout.WIDTH * scale);
            int cardHeight = Math.round(CardLayout.HEIGHT * scale);
            int left = (sheet.getWidth() - 2 * cardWidth) / 2;
            int top = (sheet.getHeight() - 5 * cardHeight) / 2;
            for (int i = 0; i < 10; i++) {
                BufferedImage card = sheet.getSubimage(left + (i % 2) * cardWidth, top + (i / 2) * cardHeight, cardWidth, cardHeight);
                Optional<String> read = CardTestSupport.read(card);
                if (read.isPresent()) {
                    assertEquals(passes.get(i).getString("token"), read.get(), "card " + i + " in reading order, at " + dpi + " DPI");
                    readAt[i]++;
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(readAt[i] >= CardTestSupport.MOST_RESOLUTIONS, "card " + i + "'s code read at " + readAt[i] + " of " + CardTestSupport.PRINT_RESOLUTIONS.length + " resolutions");
        }
        String text = CardTestSupport.text(pdf);
        for (int i = 0; i < 10; i++) {
            assertEquals(true, text.contains("Søren Ørsted " + i) && text.contains(passes.get(i).getString("number")), text);
        }
    }

    @Test
    void moreThanTenCardsAreRefusedWithAClearMessage() {
        List<JsonPath> passes = issue(1);
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.addAll(entries(passes));
        }
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON)
                .body(Map.of("language", "en", "cards", eleven))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("A sheet holds 1 to 10 cards; split larger batches into several sheets."));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON)
                .body(Map.of("language", "en", "cards", List.of()))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyPassOnTheSheetMustBeTheCallersAgencys() {
        List<JsonPath> mine = issue(1);
        JsonPath theirs = CardTestSupport.issue(RegisteredPartners.agencyWithAgreementInForce());
        List<Map<String, Object>> cards = new ArrayList<>(entries(mine));
        cards.add(Map.of("passId", theirs.getLong("id"), "holderName", "Someone Else"));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("cards", cards))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.boxOffice(agency)).contentType(ContentType.JSON).body(Map.of("cards", entries(mine)))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.programmeStaff()).contentType(ContentType.JSON).body(Map.of("cards", cards))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void anUnknownPassOrMissingNameNamesTheCardAtFault() {
        List<Map<String, Object>> cards = new ArrayList<>(entries(issue(1)));
        cards.add(Map.of("passId", 424242, "holderName", "Nobody"));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("cards", cards))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("cards[1].passId: no pass with id 424242"));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON)
                .body(Map.of("cards", List.of(Map.of("passId", CardTestSupport.issue(agency).getLong("id")))))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("cards[0].holderName: give the holder's name as it should be printed (1 to 100 characters)"));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().post("/cards/sheet.pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("List the cards to print."));
    }
}
