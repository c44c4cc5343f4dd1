package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import lu.kulturpass.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The camera and photo ways: Chromium's fake camera films a card's real QR code (a PNG drawn by ZXing, turned
 * into a Y4M video) and the page decodes the frames in the browser; a photo is sent to venue-service, which
 * reads the code with ZXing.
 */
@QuarkusTest
class ScannerCameraTest {

    private static ScannerVenue theatre;
    private static String card;
    private static HeadlessChromium browser;

    @TestHTTPResource("/scanner/")
    URL url;

    @BeforeAll
    static void startBrowserWhoseCameraFilmsACard() {
        card = ScannerVenue.card();
        Path png = QrVideo.png(card, Path.of("target", "scanner-camera", "card.png"));
        Path video = QrVideo.y4m(png, Path.of("target", "scanner-camera", "card.y4m")).toAbsolutePath();
        browser = HeadlessChromium.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void theatreIsKnownToTheService() {
        if (theatre == null) {
            theatre = ScannerVenue.theatre(10);
        }
    }

    @Test
    void theCameraReadsTheCardsQrCodeInTheBrowserAndTheCardIsAdmitted() {
        ScannerPage page = new ScannerPage(browser, url.toString());
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        ScannerPage.Shown answer = page.answerTo(() -> browser.visible(By.id("camera-button")).click());
        assertTrue(answer.admitted(), answer.toString());
        assertEquals(ScannerVenue.passNumber(card), answer.passNumber());
        assertEquals("MS", answer.initials());
        String engine = browser.script("return document.getElementById('camera-box').dataset.engine");
        Boolean detector = (Boolean) browser.driver().executeAsyncScript("const done = arguments[0];"
                + "if (!('BarcodeDetector' in window)) return done(false);"
                + "BarcodeDetector.getSupportedFormats().then(f => done(f.includes('qr_code')), () => done(false));");
        assertEquals(detector ? "BarcodeDetector" : "ZXing", engine, "BarcodeDetector where the browser has it, ZXing otherwise");
        page.screenshot("camera");
        browser.visible(By.id("camera-button")).click();
    }

    @Test
    void aPhotoOfTheCardIsSentToTheServerWhichReadsTheCodeAndAPhotoWithoutACodeSaysSo() throws Exception {
        String photographed = ScannerVenue.card();
        Path photo = QrVideo.png(photographed, Path.of("target", "scanner-camera", "photo.png")).toAbsolutePath();
        int status = given().auth().oauth2(theatre.boxOffice).contentType("image/png").body(Files.readAllBytes(photo))
                .queryParam("nonce", UUID.randomUUID().toString()).queryParam("device", "probe")
                .queryParam("performanceId", theatre.performanceId)
                .when().post("/admissions/photo").then().extract().statusCode();
        assumeTrue(status == 200, "WAITING for helper-venue: POST /admissions/photo answers " + status);
        ScannerPage page = new ScannerPage(browser, url.toString());
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        Path other = QrVideo.png(ScannerVenue.card(), Path.of("target", "scanner-camera", "photo-2.png")).toAbsolutePath();
        ScannerPage.Shown answer = page.answerTo(() -> browser.driver().findElement(By.id("photo")).sendKeys(other.toString()));
        assertTrue(answer.admitted(), answer.toString());
        assertEquals("MS", answer.initials());
        Path blank = Path.of("target", "scanner-camera", "blank.png").toAbsolutePath();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        ScannerPage.Shown none = page.answerTo(() -> browser.driver().findElement(By.id("photo")).sendKeys(blank.toString()));
        assertEquals("PROBLEM", none.reason());
        assertTrue(none.reasonText().contains("No Kulturpass code found"), none.reasonText());
    }
}
