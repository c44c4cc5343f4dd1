package lu.kulturpass.core.audit;

import java.net.URL;
import java.nio.file.Path;
import lu.kulturpass.testing.HeadlessChromium;

/** The audit page opened in headless Chromium as programme staff (the browser sends their token), on one of its views. */
final class AuditPageSession {

    private final HeadlessChromium browser;
    private final URL page;
    private final String token;

    AuditPageSession(HeadlessChromium browser, URL page, String token) {
        this.browser = browser;
        this.page = page;
        this.token = token;
    }

    /** Opens the page on a view (#/partners, #/partners/{id}, #/attention, #/report) and waits for it. */
    void open(String view) {
        browser.sendBearerToken(token);
        browser.open("about:blank");
        browser.open(page + view);
        shown(view);
    }

    /** Waits until the page has drawn this view, then checks it with axe-core. */
    void shown(String view) {
        try {
            browser.await().until(d -> view.equals(browser.script("return document.getElementById('view').dataset.ready || ''")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page did not show " + view + "; it shows " + browser.script("return location.href") + ": "
                    + browser.script("return document.body.innerText") + " resources: "
                    + browser.script("return performance.getEntriesByType('resource').map(e => e.name + ' ' + e.responseStatus).join(', ')")
                    + " Audit loaded: " + browser.script("return typeof window.Audit + ' ' + typeof window.KULTURPASS_WORDS + ' ' + typeof window.Chart"), e);
        }
        browser.assertAccessible("the audit page's view " + view);
    }

    void screenshot(String name) {
        browser.screenshot(Path.of("target", "screenshots", name + ".png"));
    }
}
