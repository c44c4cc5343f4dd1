package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import lu.kulturpass.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The camera way: Chromium's fake camera films a card's real QR code (a PNG drawn by ZXing, turned into a
 * Y4M video), the page decodes the frames in the browser and scans the card at venue-service.
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
}
