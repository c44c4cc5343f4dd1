package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HeadlessChromium;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The scanner page in headless Chromium against the real venue-service (PostgreSQL, Kafka): scanning online. */
@QuarkusTest
class ScannerPageTest {

    private static final ScannerVenue theatre = ScannerVenue.withKey(61);
    private static boolean published;
    private static HeadlessChromium browser;

    @TestHTTPResource("/scanner/")
    URL url;

    private ScannerPage page;

    /** What the page says, per language: verdicts, the price of one adult, the holder's birth year, reasons. */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "fr", Map.of("admit", "ENTRÉE OK", "refuse", "REFUSÉ", "price", "À encaisser : 1,50 €", "born", "née/né en 1984",
                    "EXPIRED", "Cette carte a expiré.", "ALREADY", "déjà été utilisée"),
            "de", Map.of("admit", "EINLASS OK", "refuse", "ABGELEHNT", "price", "Zu kassieren: 1,50 €", "born", "geboren 1984",
                    "EXPIRED", "Dieser Pass ist abgelaufen.", "ALREADY", "schon benutzt"),
            "en", Map.of("admit", "ADMIT", "refuse", "REFUSE", "price", "Charge €1.50", "born", "born 1984",
                    "EXPIRED", "This pass has expired.", "ALREADY", "already used"));

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void theatreIsKnownToTheService() {
        if (!published) {
            published = true;
            theatre.ready();
        }
        page = new ScannerPage(browser, url.toString());
    }

    /** Intl puts a narrow or non-breaking space before €: compare words, not space characters. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void aKeyboardWedgeScanIsAdmittedInGreenWithThePriceAndTheHolderCheckInFrenchGermanAndEnglish() {
        for (String language : List.of("fr", "de", "en")) {
            page.open(theatre.boxOffice, language);
            ScannerPage.Shown answer = page.wedge(theatre.card());
            Map<String, String> words = WORDS.get(language);
            assertTrue(answer.admitted(), language + ": " + answer);
            assertEquals("VALID", answer.reason());
            assertEquals(words.get("admit"), answer.verdict());
            assertEquals(words.get("price"), plain(answer.price()));
            assertEquals("MS", answer.initials());
            assertEquals(words.get("born"), answer.birthYear());
            assertEquals("rgb(30, 122, 70)", browser.script("return getComputedStyle(document.getElementById('answer')).backgroundColor"));
            assertEquals("scan", browser.script("return document.activeElement.id"), "the scan field is ready for the next card");
            page.screenshot("admitted-" + language);
        }
    }

    @Test
    void aSecondScanOfTheSameCardAndAnExpiredCardAreRefusedInRedWithTheReasonInFrenchGermanAndEnglish() {
        for (String language : List.of("fr", "de", "en")) {
            page.open(theatre.boxOffice, language);
            String card = theatre.card();
            assertTrue(page.wedge(card).admitted());
            ScannerPage.Shown again = page.wedge(card);
            Map<String, String> words = WORDS.get(language);
            assertFalse(again.admitted());
            assertTrue(again.reason().startsWith("ALREADY_ADMITTED"), again.reason());
            assertEquals(words.get("refuse"), again.verdict());
            assertTrue(again.reasonText().contains(words.get("ALREADY")), again.reasonText());
            assertEquals("", again.price(), "nothing to charge for a refusal");
            assertEquals("rgb(179, 38, 30)", browser.script("return getComputedStyle(document.getElementById('answer')).backgroundColor"));
            ScannerPage.Shown expired = page.wedge(theatre.expiredCard());
            assertEquals("EXPIRED", expired.reason());
            assertTrue(expired.reasonText().startsWith(words.get("EXPIRED")), expired.reasonText());
            page.screenshot("refused-" + language);
        }
    }

    @Test
    void theRecentListShowsTheLatestAnswersOfThisDeviceNewestFirst() {
        page.open(theatre.boxOffice, "en");
        page.wedge(theatre.card());
        page.wedge(theatre.card(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), PassCategory.CHILD, 1));
        List<String> classes = browser.script("return [...document.querySelectorAll('#recent-list li')].map(li => li.className)");
        List<String> reasons = browser.script("return [...document.querySelectorAll('#recent-list li')].map(li => li.dataset.reason)");
        assertEquals(List.of("refused", "admitted"), classes);
        assertEquals(List.of("CATEGORY_NOT_ACCEPTED", "VALID"), reasons);
    }

    @Test
    void aGroupPassShowsTheGroupSizeAndThePriceForTheWholeGroup() {
        page.open(theatre.boxOffice, "en");
        ScannerPage.Shown group = page.wedge(theatre.card(LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), PassCategory.COLLECTIVE, 12));
        assertTrue(group.admitted());
        assertEquals("Charge €18.00", plain(group.price()));
        assertEquals("Group of 12 people", browser.visible(By.id("answer-group")).getText());
    }

    @Test
    void onAPhoneTheWholeAnswerIsOnScreenWithoutScrolling() {
        browser.phone(390, 844);
        try {
            page.open(theatre.boxOffice, "fr");
            ScannerPage.Shown answer = page.wedge(theatre.card());
            assertTrue(answer.admitted());
            assertTrue(page.inViewWithoutScrolling("scan"), "the scan field is on screen");
            assertTrue(page.inViewWithoutScrolling("answer-verdict") && page.inViewWithoutScrolling("answer-price")
                    && page.inViewWithoutScrolling("answer-initials"), "verdict, price and holder check are on screen");
            assertFalse(browser.scrollsSideways(), "the page scrolls sideways at 390 px");
            page.screenshot("phone-admitted");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void withoutASignInOrWithAnotherRoleThePageAsksToSignInAndShowsNoDesk() {
        browser.open("about:blank");
        browser.open(url.toString());
        browser.script("sessionStorage.clear(); localStorage.setItem('kulturpass.scanner.lang', 'en'); location.reload();");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), "Open it from the link you were given"));
        assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
        browser.open("about:blank");
        browser.open(url + "#token=" + BearerTokens.token(Roles.AGENCY_STAFF, UUID.randomUUID().toString()));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), "for a venue\u2019s box office"));
        assertFalse(browser.driver().getCurrentUrl().contains("token="), "the token is taken out of the address bar");
    }

    @Test
    void aPassNumberTypedByHandIsCheckedLikeAScan() {
        String card = theatre.card();
        String number = theatre.passNumber(card);
        int status = given().auth().oauth2(theatre.boxOffice).contentType(ContentType.JSON)
                .body("{\"code\":\"" + PassNumber.format(1) + "\",\"nonce\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/admissions").then().extract().statusCode();
        assumeTrue(status == 200, "WAITING for helper-venue: POST /admissions with a typed pass number (\"code\") answers " + status);
        page.open(theatre.boxOffice, "de");
        ScannerPage.Shown typed = page.typeCode(number.toLowerCase().replace("-", " "));
        assertTrue(typed.admitted(), typed.toString());
        assertEquals(number, typed.passNumber());
        assertEquals("MS", typed.initials());
        ScannerPage.Shown unknown = page.typeCode(PassNumber.format(999_999_999_999L));
        assertFalse(unknown.admitted());
        assertEquals("UNKNOWN_CODE", unknown.reason());
    }

    @Test
    void anAdmissionCanBeUndoneFromThePageWithinTheWindow() {
        page.open(theatre.boxOffice, "en");
        String card = theatre.card();
        ScannerPage.Shown admitted = page.wedge(card);
        assertTrue(admitted.admitted());
        Object until = browser.script("return window.Answer.current.undoableUntil || null");
        assumeTrue(until != null, "WAITING for helper-venue: the answer's undoableUntil and POST /admissions/{id}/undo");
        browser.visible(By.id("undo")).click();
        browser.await().until(d -> "UNDONE".equals(browser.script("return document.getElementById('answer').dataset.reason")));
        assertEquals("Admission undone.", browser.visible(By.id("answer-verdict")).getText());
        assertTrue(page.wedge(card).admitted(), "after the undo the same card is admitted again");
    }
}
