package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cards, the mobile card page and the card endpoints' problems in the programme's four languages, Luxembourgish too. */
@QuarkusTest
class CardLanguagesTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    @Test
    void aCardPrintedInLuxembourgishSaysItsLabelsInLuxembourgish() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency, "CHILD", 1);
        byte[] pdf = CardPdfTest.card(agencyStaff(agency), pass.getLong("id"), Map.of("holderName", "Léa Schmit", "language", "lb"));
        String text = CardTestSupport.text(pdf);
        for (String word : List.of("Numm", "Pass-Nr.", "Gëltegkeet", "Kand", "Perséinlech Kaart")) {
            assertTrue(text.contains(word), word + " in " + text);
        }
        assertFalse(text.contains("Gültigkeit") || text.contains("Validité"), text);
    }

    @Test
    void aSheetOfCardsIsPrintedInLuxembourgishWhenTheAgencyAsksForItByAcceptLanguage() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency, "COLLECTIVE", 12);
        byte[] pdf = given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).header("Accept-Language", "lb-LU, fr;q=0.5")
                .body(Map.of("cards", List.of(Map.of("passId", pass.getLong("id"), "holderName", "Cercle culturel"))))
                .when().post("/cards/sheet.pdf").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = CardTestSupport.text(pdf);
        assertTrue(text.contains("Grupp mat 12 Persounen") && text.contains("Gëltegkeet"), text);
    }

    @Test
    void theMobileCardPageSpeaksLuxembourgishAndOffersItAmongItsLanguages() {
        long passId = CardTestSupport.issue(agency).getLong("id");
        URI link = URI.create(given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("language", "lb"))
                .when().post("/passes/" + passId + "/card-link").then().statusCode(200).extract().path("url"));
        assertTrue(link.getRawQuery().equals("lang=lb"), link.toString());
        String html = given().when().get(link.getRawPath() + "?" + link.getRawQuery()).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<html lang=\"lb\">") && html.contains("Meng Kaart") && html.contains("Weist dëse Code um Agang")
                && html.contains("Gëltegkeet"), html);
        for (String code : List.of("fr", "de", "en", "lb")) {
            assertTrue(html.contains("data-lang=\"" + code + "\""), "the page offers " + code);
        }
    }

    @Test
    void anUnknownCardLanguageIsRefusedWithTheFourLanguagesTheProgrammeSpeaks() {
        long passId = CardTestSupport.issue(agency).getLong("id");
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("holderName", "Léa Schmit", "language", "pt"))
                .when().post("/passes/" + passId + "/card.pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("language 'pt' is not available; use one of fr, de, en, lb"));
    }

    @Test
    void aCardProblemIsExplainedInTheLanguageTheCallerAccepts() {
        given().auth().oauth2(agencyStaff(agency)).header("Accept-Language", "lb")
                .when().get("/passes/424242/qr.svg")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Et gëtt kee Pass mat der Kennung 424242"));
        given().auth().oauth2(agencyStaff(agency)).header("Accept-Language", "fr-LU")
                .when().get("/passes/424242/qr.png?size=5")
                .then().statusCode(400).body("detail", equalTo("la taille doit être comprise entre 100 et 2000 pixels"));
        given().auth().oauth2(agencyStaff(agency))
                .when().get("/passes/424242/qr.svg")
                .then().statusCode(404).body("detail", equalTo("No pass with id 424242")); // an API caller naming no language gets English
    }
}
