package lu.kulturpass.venue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import lu.kulturpass.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the scanner page's browser tests share: one headless Chromium per test class (started with the
 * class's own switches), a theatre with today's performance that venue-service knows, and the page.
 */
abstract class ScannerBrowserTest {

    static HeadlessChromium browser;
    static ScannerVenue theatre;

    @TestHTTPResource("/scanner/")
    URL url;

    ScannerPage page;

    /** Chromium switches for this class (none: a plain desktop browser). */
    String[] chromiumArguments() {
        return new String[0];
    }

    @BeforeEach
    void browserAndTheatre() {
        if (theatre == null) {
            theatre = ScannerVenue.theatre(500);
        }
        if (browser == null) {
            browser = HeadlessChromium.start(chromiumArguments());
        }
        page = new ScannerPage(browser, url.toString());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
