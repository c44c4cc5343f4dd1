package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QrCodeFormatsTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    @Test
    void pngDecodesToTheTokenAtErrorCorrectionLevelM() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        byte[] png = given().auth().oauth2(agencyStaff(agency)).when().get("/passes/" + pass.getLong("id") + "/qr.png?size=300")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "private, no-store")
                .extract().asByteArray();
        BufferedImage image = CardTestSupport.image(png);
        assertEquals(300, image.getWidth());
        Result decoded = CardTestSupport.decode(image);
        assertEquals(pass.getString("token"), decoded.getText());
        assertEquals("M", decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void svgPaintedFromItsPathDecodesToTheToken() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        String svg = given().auth().oauth2(agencyStaff(agency)).when().get("/passes/" + pass.getLong("id") + "/qr.svg")
                .then().statusCode(200).contentType("image/svg+xml")
                .header("Content-Disposition", containsString("kulturpass-" + pass.getString("number") + ".svg"))
                .extract().asString();
        Result decoded = CardTestSupport.decode(CardTestSupport.paint(svg, 4));
        assertEquals(pass.getString("token"), decoded.getText());
        assertEquals("M", decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void svgIsVersion5WithAFourModuleQuietZone() {
        JsonPath pass = CardTestSupport.issue(agency);
        String svg = given().auth().oauth2(agencyStaff(agency)).when().get("/passes/" + pass.getLong("id") + "/qr.svg")
                .then().statusCode(200).extract().asString();
        // version 5 is 37 modules wide; 4 blank modules on each side make 45
        assertTrue(svg.contains("viewBox=\"0 0 45 45\""), svg);
        BufferedImage image = CardTestSupport.paint(svg, 1);
        for (int i = 0; i < 45; i++) {
            for (int border = 0; border < 4; border++) {
                assertEquals(0xFFFFFF, image.getRGB(i, border) & 0xFFFFFF, "top quiet zone at " + i + "," + border);
                assertEquals(0xFFFFFF, image.getRGB(border, i) & 0xFFFFFF, "left quiet zone at " + border + "," + i);
                assertEquals(0xFFFFFF, image.getRGB(i, 44 - border) & 0xFFFFFF, "bottom quiet zone");
                assertEquals(0xFFFFFF, image.getRGB(44 - border, i) & 0xFFFFFF, "right quiet zone");
            }
        }
        assertEquals(0, image.getRGB(4, 4) & 0xFFFFFF, "the finder pattern starts right after the quiet zone");
    }

    @Test
    void svgIsOnlyForTheIssuingAgencyAndProgrammeStaff() {
        long id = CardTestSupport.issue(agency).getLong("id");
        given().auth().oauth2(agencyStaff(RegisteredPartners.agency())).when().get("/passes/" + id + "/qr.svg")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.boxOffice(agency)).when().get("/passes/" + id + "/qr.svg")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/passes/" + id + "/qr.svg").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.programmeStaff()).when().get("/passes/" + id + "/qr.svg")
                .then().statusCode(200);
        given().auth().oauth2(agencyStaff(agency)).when().get("/passes/99999999/qr.svg")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
