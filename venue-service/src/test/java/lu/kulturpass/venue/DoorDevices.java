package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;

/** What the door-device tests share: a manager adds a device, the device pairs with the setup code, and scans with its cookie. */
final class DoorDevices {

    static final String COOKIE = "kulturpass_device";

    /** A device added and paired, with the secret its cookie holds. */
    record Paired(String deviceId, String secret) {
    }

    private DoorDevices() {
    }

    static String manager(String venue) {
        return BearerTokens.token(Roles.VENUE_MANAGER, venue);
    }

    /** The venue's manager adds a device: the answer with its setup code. */
    static JsonPath added(String venue, String name) {
        return given().auth().oauth2(manager(venue)).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/devices").then().statusCode(201).extract().jsonPath();
    }

    /** Pairs with the code: the secret the answer's cookie holds. */
    static String pair(String code) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").when().post("/devices/pairing")
                .then().statusCode(200).extract().cookie(COOKIE);
    }

    static Paired addedAndPaired(String venue) {
        JsonPath added = added(venue, "Entrance tablet");
        return new Paired(added.getString("device.deviceId"), pair(added.getString("setup.code")));
    }

    /** A scan from the paired device, with a person's bearer token too when {@code bearer} is not null. */
    static io.restassured.response.ValidatableResponse scan(Paired device, String bearer, String card, String performance, String nonce) {
        var request = given().cookie(COOKIE, device.secret()).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"token\":\"" + card + "\",\"nonce\":\"" + nonce + "\",\"device\":\"what-the-body-says\",\"performanceId\":\""
                        + performance + "\"}");
        if (bearer != null) {
            request.auth().oauth2(bearer);
        }
        return request.when().post("/admissions").then();
    }

    /** The text of the QR code in a PNG data URL, read with ZXing. */
    static String decodeQr(String dataUrl) throws Exception {
        String prefix = "data:image/png;base64,";
        if (!dataUrl.startsWith(prefix)) {
            throw new AssertionError("not a PNG data URL: " + dataUrl.substring(0, Math.min(40, dataUrl.length())));
        }
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    /** The token's subject: the person's pseudonymous id. */
    static String subjectOf(String bearer) {
        String payload = new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonPath(payload).getString("sub");
    }
}
