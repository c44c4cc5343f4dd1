package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A photo of a card, decoded on the server with ZXing: rendered QR codes, turned and shrunk as a phone would take them. */
@QuarkusTest
class PhotoTest {

    private static String museum;
    private String boxOffice;

    @BeforeEach
    void aMuseum() {
        Door.passServicePublishedItsKey();
        if (museum == null) {
            museum = Door.museum();
        }
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum);
    }

    /** The card's QR code as pass-service renders it (level M, 4-module quiet zone), turned and scaled on a grey desk. */
    static byte[] photo(String token, double degrees, double scale, String format) throws Exception {
        BufferedImage qr = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 400, 400,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4)));
        BufferedImage photo = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(150, 150, 140));
        g.fillRect(0, 0, 900, 700);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(450, 350);
        g.rotate(Math.toRadians(degrees));
        g.scale(scale, scale);
        g.drawImage(qr, -200, -200, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, format, out);
        return out.toByteArray();
    }

    private JsonPath post(byte[] body, String contentType, int status) {
        return given().auth().oauth2(boxOffice).contentType(contentType).header("Accept-Language", "en").body(body)
                .when().post("/admissions/photo?nonce=" + UUID.randomUUID() + "&device=desk-camera")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aTurnedAndShrunkPhotoOfACardIsDecodedAndScanned() throws Exception {
        JsonPath png = post(photo(Door.validToken(), 27, 0.7, "png"), "image/png", 200);
        assertEquals("VALID", png.getString("reason"));
        assertEquals("MS", png.getString("holder.initials"));
        JsonPath jpeg = post(photo(Door.validToken(), -140, 1.3, "jpg"), "image/jpeg", 200);
        assertEquals("VALID", jpeg.getString("reason"));
        JsonPath upsideDown = post(photo(Door.validToken(), 180, 0.55, "png"), "image/png", 200);
        assertEquals(true, upsideDown.getBoolean("admitted"));
    }

    @Test
    void aPhotoWithoutACodeOrNotAPhotoIsA422AndAHugeOneA413() throws Exception {
        BufferedImage blank = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        given().auth().oauth2(boxOffice).contentType("image/png").body(out.toByteArray())
                .when().post("/admissions/photo?nonce=n-1").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No Kulturpass code found in the photo"));
        given().auth().oauth2(boxOffice).contentType("image/jpeg").body("not an image".getBytes())
                .when().post("/admissions/photo?nonce=n-2").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).contentType("image/jpeg").body(new byte[5 * 1024 * 1024 + 1])
                .when().post("/admissions/photo?nonce=n-3").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).contentType("image/png").body(photo(Door.validToken(), 0, 1, "png"))
                .when().post("/admissions/photo").then().statusCode(400).contentType("application/problem+json");
    }
}
