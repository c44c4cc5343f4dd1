package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The camera and photo ways: Chromium's fake camera films a card's real QR code (a PNG drawn by ZXing, turned
 * into a Y4M video) and the page decodes the frames in the browser; a photo is sent to venue-service, which
 * reads the code with ZXing.
 */
@QuarkusTest
class ScannerCameraTest extends ScannerBrowserTest {

    private static final String card = ScannerVenue.card();

    /** Chromium's fake camera plays a video of the card's QR code, and the page may use it without asking. */
    @Override
    String[] chromiumArguments() {
        Path png = QrVideo.png(card, Path.of("target", "scanner-camera", "card.png"));
        Path video = QrVideo.y4m(png, Path.of("target", "scanner-camera", "card.y4m")).toAbsolutePath();
        return new String[] {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video};
    }

    @Test
    void theCameraReadsTheCardsQrCodeInTheBrowserAndTheCardIsAdmitted() {
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
    void aPhotoOfTheCardIsSentToTheServerWhichReadsTheCodeAndAPhotoWithoutACodeSaysSo() throws java.io.IOException {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        String photographed = ScannerVenue.card();
        Path photo = QrVideo.png(photographed, Path.of("target", "scanner-camera", "photo.png")).toAbsolutePath();
        ScannerPage.Shown answer = page.answerTo(() -> browser.driver().findElement(By.id("photo")).sendKeys(photo.toString()));
        assertTrue(answer.admitted(), answer.toString());
        assertEquals(ScannerVenue.passNumber(photographed), answer.passNumber());
        Path blank = Path.of("target", "scanner-camera", "blank.png").toAbsolutePath();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        ScannerPage.Shown none = page.answerTo(() -> browser.driver().findElement(By.id("photo")).sendKeys(blank.toString()));
        assertEquals("PROBLEM", none.reason());
        assertTrue(none.reasonText().contains("No Kulturpass code found"), none.reasonText());
    }
}
