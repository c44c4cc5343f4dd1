package lu.kulturpass.venue;

import java.nio.file.Path;
import java.util.Map;
import lu.kulturpass.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The scanner page in a headless Chromium, driven as box-office staff would: typing, scanning, switching. */
final class ScannerPage {

    /** What the big answer shows. */
    record Shown(String state, String reason, String verdict, String reasonText, String price, String initials, String birthYear,
                 String passNumber, String offlineTag) {

        boolean admitted() {
            return state.contains("admitted");
        }
    }

    final HeadlessChromium browser;
    private final String url;

    ScannerPage(HeadlessChromium browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    /**
     * Opens the page with a fresh device (empty storage) signed in (the browser sends the bearer token), in a language,
     * with a performance chosen (or none).
     */
    void open(String bearer, String language, String performanceId) {
        browser.sendBearerToken(bearer);
        browser.open("about:blank");
        browser.open(url);
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.open("about:blank");
        browser.open(url);
        ready();
        language(language);
        if (performanceId != null) {
            new Select(browser.visible(By.id("performance"))).selectByValue(performanceId);
        }
        browser.visible(By.id("scan")).click();
        browser.assertAccessible("the scanner page opened in " + language);
    }

    /** Reloads the page as a phone would after a restart (the session stays). */
    void reload() {
        browser.script("document.body.dataset.ready = ''; location.reload();");
        ready();
        browser.assertAccessible("the scanner page reloaded");
    }

    void ready() {
        try {
            browser.await().until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the scanner page did not get ready; it shows: " + browser.script("return document.body.innerText"), e);
        }
    }

    /**
     * Waits until the page's service worker is installed and controls it (its files kept for reopening
     * offline). A worker that became active while this page was still loading cannot claim it (the
     * browser's race between navigation and activation); a person would simply open the page again, so
     * the page is reloaded once in that case.
     */
    void serviceWorkerControlsIt() {
        browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        browser.driver().executeAsyncScript("const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));");
        if (!Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller"))) {
            reload();
        }
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> (Boolean) browser.script("return !!navigator.serviceWorker.controller"));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = browser.driver().executeAsyncScript("const done = arguments[0];"
                    + "navigator.serviceWorker.register('sw.js').then(r => done(JSON.stringify({ scope: r.scope,"
                    + " active: r.active && r.active.state, installing: r.installing && r.installing.state, waiting: !!r.waiting })),"
                    + " e => done('register failed: ' + e));");
            throw new AssertionError("no service worker controls the page: " + state, e);
        }
    }

    void language(String language) {
        new Select(browser.visible(By.id("lang"))).selectByValue(language);
    }

    /** What a keyboard-wedge scanner does: types the QR code's text into the focused field, then Enter. */
    Shown wedge(String text) {
        return answerTo(() -> browser.driver().switchTo().activeElement().sendKeys(text + Keys.ENTER));
    }

    /** A wedge scanner configured to end with Tab instead of Enter. */
    Shown wedgeEndingWithTab(String text) {
        return answerTo(() -> browser.driver().switchTo().activeElement().sendKeys(text + Keys.TAB));
    }

    Shown typeCode(String passNumber) {
        return answerTo(() -> {
            WebElement code = browser.visible(By.id("code"));
            code.sendKeys(passNumber + Keys.ENTER);
        });
    }

    /** Runs the action and waits for the next answer shown. */
    Shown answerTo(Runnable action) {
        String before = browser.script("return document.getElementById('answer').dataset.shown || '0'");
        action.run();
        try {
            browser.await().until(d -> !before.equals(browser.script("return document.getElementById('answer').dataset.shown || '0'")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no new answer; focus on " + browser.script("return document.activeElement.id")
                    + "; camera frames read, codes found: " + browser.script("const v = document.querySelector('video');"
                    + " return v ? (v.dataset.frames || '0') + ', ' + (v.dataset.codes || '0') : 'no camera'")
                    + "; the page shows: " + browser.script("return document.body.innerText"), e);
        }
        Shown shown = shown();
        browser.assertAccessible("the scanner's answer: " + shown.state().replace("answer ", "") + " " + shown.reason());
        return shown;
    }

    Shown shown() {
        Map<String, String> a = browser.script("const $ = (id) => document.getElementById(id); const visible = (id) => $(id).getClientRects().length > 0;"
                + "return { state: $('answer').className, reason: $('answer').dataset.reason || '', verdict: $('answer-verdict').innerText,"
                + " reasonText: $('answer-reason').innerText, price: visible('answer-price') ? $('answer-price').innerText : '',"
                + " initials: visible('answer-initials') ? $('answer-initials').innerText : '',"
                + " birthYear: visible('answer-birth-year') ? $('answer-birth-year').innerText : '',"
                + " passNumber: $('answer-pass-number').innerText, offline: visible('answer-offline') ? $('answer-offline').innerText : '' };");
        return new Shown(a.get("state"), a.get("reason"), a.get("verdict"), a.get("reasonText"), a.get("price"), a.get("initials"),
                a.get("birthYear"), a.get("passNumber"), a.get("offline"));
    }

    /** Whether the element lies entirely inside the viewport as it is (no scrolling). */
    boolean inViewWithoutScrolling(String id) {
        return browser.script("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", id);
    }

    /** Elements that stick out of the viewport on the right (cut off on a phone), as tag#id.class. */
    java.util.List<String> stickingOut() {
        return browser.script("return [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length"
                + " && e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));");
    }

    void screenshot(String name) {
        browser.screenshot(Path.of("target", "screenshots", "scanner-" + name + ".png"));
    }
}
