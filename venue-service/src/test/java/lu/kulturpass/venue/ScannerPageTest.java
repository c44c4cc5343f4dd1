package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The scanner page in headless Chromium against the real venue-service (PostgreSQL, Kafka): scanning online. */
@QuarkusTest
class ScannerPageTest extends ScannerBrowserTest {


    /** What the page says, per language: verdicts, the price of one adult, reasons. */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "fr", Map.of("admit", "ENTRÉE OK", "refuse", "REFUSÉ", "price", "À encaisser : 1,50 €",
                    "EXPIRED", "Cette carte a expiré.", "ALREADY", "déjà été utilisée"),
            "de", Map.of("admit", "EINLASS OK", "refuse", "ABGELEHNT", "price", "Zu kassieren: 1,50 €",
                    "EXPIRED", "Diese Karte ist abgelaufen.", "ALREADY", "schon benutzt"),
            "en", Map.of("admit", "ADMIT", "refuse", "REFUSE", "price", "Charge €1.50",
                    "EXPIRED", "This pass has expired.", "ALREADY", "already used"));

    /** Intl puts a narrow or non-breaking space before €: compare words, not space characters. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void aKeyboardWedgeScanIsAdmittedInGreenWithThePriceAndTheHolderCheckInFrenchGermanAndEnglish() {
        for (String language : List.of("fr", "de", "en")) {
            page.open(theatre.boxOffice, language, theatre.performanceId);
            ScannerPage.Shown answer = page.wedge(ScannerVenue.card());
            Map<String, String> words = WORDS.get(language);
            assertTrue(answer.admitted(), language + ": " + answer);
            assertEquals("VALID", answer.reason());
            assertEquals(words.get("admit"), answer.verdict());
            assertEquals(words.get("price"), plain(answer.price()));
            assertEquals("MS", answer.initials());
            assertEquals("1984", answer.birthYear());
            assertEquals("Grande salle", browser.visible(By.id("venue-name")).getText(), "the venue's name in the header");
            assertEquals("rgb(30, 122, 70)", browser.script("return getComputedStyle(document.getElementById('answer')).backgroundColor"));
            assertEquals("scan", browser.script("return document.activeElement.id"), "the scan field is ready for the next card");
            page.screenshot("admitted-" + language);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScanTheLoadBalancerAnsweredBadGatewayOrGatewayTimeoutIsSentAgainWithTheSameNonceAndAdmitted() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        // the load balancer in front of two replicas answers the first two sends 502 and 504 (a replica gone mid-request)
        browser.script("const real = window.fetch; window.scansSent = []; const answers = [502, 504];"
                + "window.fetch = async (url, options) => {"
                + "  if (String(url).endsWith('admissions') && options && options.method === 'POST') {"
                + "    window.scansSent.push(JSON.parse(options.body).nonce);"
                + "    if (answers.length) return new Response('', {status: answers.shift()});"
                + "  }"
                + "  return real(url, options);"
                + "};");
        ScannerPage.Shown answer = page.wedge(ScannerVenue.card());
        assertTrue(answer.admitted(), answer.toString());
        List<String> sent = (List<String>) browser.script("return window.scansSent");
        assertEquals(3, sent.size(), "sent, answered 502, again, answered 504, again: " + sent);
        assertEquals(1, new java.util.HashSet<>(sent).size(), "the same nonce each time: " + sent);
    }

    /** A card code that ZXing's QR reader misses in a perfect frame unless the frame is turned (1 card in about 100). */
    private static final String HARD_TO_FIND = "K1.9*O 9731SHF NEWF-70 8KPE7B H345%/ GNG/0U*1BUPP:3KC$X$%QS0XD LWXY7PG%41$88.IDK5TFWTKW"
            + "+XC68HD%$DB1+JDZPN 1*+VQ94U94%ZU0ME";

    @Test
    void theCameraReadsACodeWhoseDataLooksLikeAFinderPatternToo() throws Exception {
        page.open(theatre.boxOffice, "en", null);
        java.nio.file.Path png = QrVideo.png(HARD_TO_FIND, java.nio.file.Path.of("target", "scanner-camera", "hard.png"));
        String dataUrl = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(png));
        // the code in the middle of a white 640x480 frame, as the camera films it, read by the page's decoder
        Object read = browser.driver().executeAsyncScript("const done = arguments[1]; const image = new Image();"
                + "image.onload = async () => { const canvas = document.createElement('canvas'); canvas.width = 640; canvas.height = 480;"
                + "  const context = canvas.getContext('2d'); context.fillStyle = '#fff'; context.fillRect(0, 0, 640, 480);"
                + "  context.drawImage(image, 140, 60); const engine = await Camera.engine();"
                + "  done(engine.name + ': ' + await engine.read(canvas)); };"
                + "image.src = arguments[0];", dataUrl);
        assertEquals("ZXing: " + HARD_TO_FIND, read);
    }

    /** The list as the page fetches it (yesterday's to tomorrow's performances); the rule itself is tested at fixed times below. */
    @Test
    void theListOffersWhatCanBeScannedForNowAShowAfterMidnightWithinTwelveHoursIncludedButNotOneInTwoDays() {
        String venue = Door.venueFor(this, "late-shows");
        // in 11 h 30: today, or tomorrow within the 12 hours before its start in which the server admits for it
        String soon = Door.performance(venue, 10, java.time.OffsetDateTime.now().plusHours(11).plusMinutes(30));
        String later = Door.performance(venue, 10, java.time.OffsetDateTime.now().plusDays(2));
        page.open(BearerTokens.token(Roles.BOX_OFFICE, venue), "en", null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> optionsShown().contains(soon));
        assertFalse(optionsShown().contains(later), optionsShown());
    }

    @Test
    void theRuleForWhatCanBeChosenAdmitsAShowAfterMidnightAndALateShowStillGoingNotOneTomorrowEveningOrCancelled() {
        page.open(theatre.boxOffice, "en", null);
        // the same list judged at two fixed times, so the test does not depend on when it runs
        String shows = "[{performanceId: 'tonight', startsAt: '2026-11-21T20:00:00+01:00', status: 'SCHEDULED'},"
                + " {performanceId: 'cancelled', startsAt: '2026-11-21T21:00:00+01:00', status: 'CANCELLED'},"
                + " {performanceId: 'after-midnight', startsAt: '2026-11-22T00:30:00+01:00', status: 'SCHEDULED'},"
                + " {performanceId: 'tomorrow-evening', startsAt: '2026-11-22T20:00:00+01:00', status: 'SCHEDULED'},"
                + " {performanceId: 'yesterday-evening', startsAt: '2026-11-20T18:00:00+01:00', status: 'SCHEDULED'}]";
        String at2330 = "Date.parse('2026-11-21T23:30:00+01:00')";
        String at0130 = "Date.parse('2026-11-22T01:30:00+01:00')";
        assertEquals("tonight,after-midnight", browser.script("return Offline.scannableNow(" + shows + ", " + at2330
                + ").map((p) => p.performanceId).join(',')"), "at 23:30 in Luxembourg");
        assertEquals("tonight,after-midnight,tomorrow-evening", browser.script("return Offline.scannableNow(" + shows + ", " + at0130
                + ").map((p) => p.performanceId).join(',')"), "at 01:30 the next day: tonight's show began 5 h 30 ago");
    }

    private String optionsShown() {
        return (String) browser.script("return Array.from(document.querySelectorAll('#performance option')).map((o) => o.value).join(',')");
    }

    @Test
    void aSecondScanOfTheSameCardAndAnExpiredCardAreRefusedInRedWithTheReasonInFrenchGermanAndEnglish() {
        for (String language : List.of("fr", "de", "en")) {
            page.open(theatre.boxOffice, language, theatre.performanceId);
            String card = ScannerVenue.card();
            assertTrue(page.wedge(card).admitted());
            ScannerPage.Shown again = page.wedge(card);
            Map<String, String> words = WORDS.get(language);
            assertFalse(again.admitted());
            assertTrue(again.reason().startsWith("ALREADY_ADMITTED"), again.reason());
            assertEquals(words.get("refuse"), again.verdict());
            assertTrue(again.reasonText().contains(words.get("ALREADY")), again.reasonText());
            assertEquals("", again.price(), "nothing to charge for a refusal");
            assertEquals("rgb(179, 38, 30)", browser.script("return getComputedStyle(document.getElementById('answer')).backgroundColor"));
            ScannerPage.Shown expired = page.wedge(ScannerVenue.expiredCard());
            assertEquals("EXPIRED", expired.reason());
            assertTrue(expired.reasonText().startsWith(words.get("EXPIRED")), expired.reasonText());
            page.screenshot("refused-" + language);
        }
    }

    @Test
    void aCodeTypedByAScannerSetForAnotherKeyboardLayoutAsksToFixTheScannerInsteadOfRefusingTheHolder() {
        page.open(theatre.boxOffice, "fr", theatre.performanceId);
        String azerty = ScannerVenue.card().replace('1', '&').replace('2', 'é').replace('3', '"');
        ScannerPage.Shown answer = page.wedge(azerty);
        assertEquals("PROBLEM", answer.reason());
        assertTrue(answer.reasonText().startsWith("Le lecteur semble réglé pour un autre clavier"), answer.reasonText());
        assertEquals(0L, (Long) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/admissions')).length"), "nothing was sent to the server");
    }

    @Test
    void theRecentListShowsTheLatestAnswersOfThisDeviceNewestFirstAndAScannerEndingWithTabWorksToo() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        page.wedge(ScannerVenue.card());
        page.wedgeEndingWithTab(ScannerVenue.card(PassCategory.CHILD, 1));
        List<String> classes = browser.script("return [...document.querySelectorAll('#recent-list li')].map(li => li.className)");
        List<String> reasons = browser.script("return [...document.querySelectorAll('#recent-list li')].map(li => li.dataset.reason)");
        assertEquals(List.of("refused", "admitted"), classes);
        assertEquals(List.of("CATEGORY_NOT_ACCEPTED", "VALID"), reasons);
    }

    @Test
    void aGroupPassShowsTheGroupSizeAndThePriceForTheWholeGroup() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        ScannerPage.Shown group = page.wedge(ScannerVenue.card(PassCategory.COLLECTIVE, 12));
        assertTrue(group.admitted());
        assertEquals("Charge €18.00", plain(group.price()));
        assertEquals("Group of 12 people", browser.visible(By.id("answer-group")).getText());
    }

    @Test
    void onAPhoneTheWholeAnswerIsOnScreenWithoutScrolling() {
        browser.phone(390, 844);
        try {
            page.open(theatre.boxOffice, "fr", theatre.performanceId);
            ScannerPage.Shown answer = page.wedge(ScannerVenue.card());
            assertTrue(answer.admitted());
            assertTrue(page.inViewWithoutScrolling("scan"), "the scan field is on screen");
            assertTrue(page.inViewWithoutScrolling("answer-verdict") && page.inViewWithoutScrolling("answer-price")
                    && page.inViewWithoutScrolling("answer-initials"), "verdict, price and holder check are on screen");
            assertFalse(browser.scrollsSideways(), "the page scrolls sideways at 390 px");
            assertEquals(List.of(), page.stickingOut(), "cut off on the right at 390 px");
            assertEquals("", answer.offlineTag(), "an online answer is not tagged offline");
            page.screenshot("phone-admitted");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void anotherRoleIsToldWhatItsAccountIsForAndWithoutASessionThePageOffersToSignInAndBringsTheDeskBackAfter() {
        browser.sendBearerToken(BearerTokens.token(Roles.AGENCY_STAFF, UUID.randomUUID().toString()));
        browser.open("about:blank");
        browser.open(url.toString());
        browser.script("localStorage.clear(); localStorage.setItem('kulturpass.scanner.lang', 'en'); location.reload();");
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#signin h1"), "This page is not for your account"));
        assertEquals("This account is for a social agency: open the agency page.", browser.visible(By.id("signin-message")).getText());
        assertEquals("/signout", browser.visible(By.id("signin-signout")).getDomAttribute("href"));
        assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
        page.screenshot("wrong-role");
        browser.assertAccessible("the scanner page telling another role it is not for it");

        browser.sendBearerToken(null);
        browser.open("about:blank");
        browser.open(url.toString());
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"),
                "This page needs your box-office sign-in: sign in with your Kulturpass account."));
        assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
        assertEquals("/signin?to=%2Fscanner%2F", browser.visible(By.id("signin-button")).getDomAttribute("href"));
        browser.assertAccessible("the scanner page offering to sign in");

        browser.sendBearerToken(theatre.boxOffice);
        browser.script("window.beforeSigningIn = true;");
        browser.visible(By.id("signin-button")).click();
        browser.await().until(d -> !Boolean.TRUE.equals(browser.script("return window.beforeSigningIn || false")));
        page.ready();
        assertTrue(browser.visible(By.id("scan")).isDisplayed());
        assertEquals("Signed in: box-office@kulturpass.test", browser.visible(By.id("who-user")).getText());
        assertEquals("Grande salle", browser.visible(By.id("who-partner")).getText(), "for which venue");
        assertEquals("/signout", browser.visible(By.id("sign-out")).getDomAttribute("href"));
        browser.assertAccessible("the scanner page signed in again");

        // a box-office account naming a venue the programme does not know gets no desk
        browser.sendBearerToken(BearerTokens.token(Roles.BOX_OFFICE, Door.unknownVenue()));
        browser.open("about:blank");
        browser.open(url.toString());
        browser.visible(By.id("signin-message"));
        assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
        browser.assertAccessible("the scanner page for an unknown venue");
    }

    @Test
    void noTokenIsKeptWhereAScriptCouldReadItNotEvenOneGivenInTheAddress() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        assertTrue(page.wedge(ScannerVenue.card()).admitted());
        browser.open("about:blank");
        browser.open(url + "#token=" + theatre.boxOffice); // a link of the time tokens travelled in the address
        page.ready();
        assertEquals(1L, browser.<Long>script("return JSON.parse(localStorage.getItem('kulturpass.scanner.recent')).length"),
                "the device keeps its recent scans");
        assertEquals(List.of(), browser.tokensInStorage());
    }

    @Test
    void aPassNumberTypedByHandIsCheckedLikeAScanAndAsksToCompareTheNamePrintedOnTheCard() {
        String card = ScannerVenue.card();
        ScannerVenue.issued(card);
        String number = ScannerVenue.passNumber(card);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> !"UNKNOWN_CODE".equals(
                Door.typed(BearerTokens.token(Roles.BOX_OFFICE, Door.venueFor(this, "museum")), number, null).getString("reason")));
        page.open(theatre.boxOffice, "de", theatre.performanceId);
        ScannerPage.Shown typed = page.typeCode(number.toLowerCase().replace("-", " "));
        assertTrue(typed.admitted(), typed.toString());
        assertEquals(number, typed.passNumber());
        assertEquals("Vergleichen Sie den auf der Karte gedruckten Namen mit dem Ausweis.", browser.visible(By.id("answer-card-check")).getText());
        assertEquals("Zu kassieren: 1,50 €", plain(typed.price()));
        ScannerPage.Shown unknown = page.typeCode(PassNumber.format(999_999_999_999L));
        assertFalse(unknown.admitted());
        assertEquals("UNKNOWN_CODE", unknown.reason());
        assertEquals("Unbekannte Kartennummer. Prüfen Sie die Eingabe oder scannen Sie den QR-Code.", unknown.reasonText());
    }

    @Test
    void anAdmissionCanBeUndoneFromThePageWithinTheWindow() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        String card = ScannerVenue.card();
        ScannerPage.Shown admitted = page.wedge(card);
        assertTrue(admitted.admitted());
        assertTrue((Boolean) browser.script("return !!window.Answer.current.undoableUntil"), "the server says until when it can be undone");
        browser.visible(By.id("undo")).click();
        browser.await().until(d -> "UNDONE".equals(browser.script("return document.getElementById('answer').dataset.reason")));
        assertEquals("Admission undone.", browser.visible(By.id("answer-verdict")).getText());
        assertEquals("undone", browser.script("return document.querySelector('#recent-list li').className.includes('refused') ? 'undone' : 'still admitted'"));
        assertTrue(page.wedge(card).admitted(), "after the undo the same card is admitted again");
    }

    @Test
    void theScannerOpensOnTheOnlyPerformanceThatCanBeScannedNowSoTheFirstCardOfTheEveningIsAdmitted() {
        String venue = Door.venueFor(this, "one-show");
        String tonight = Door.performance(venue, 10);
        page.open(BearerTokens.token(Roles.BOX_OFFICE, venue), "fr", null);
        assertEquals(tonight, browser.script("return document.getElementById('performance').value"), "chosen by itself");
        ScannerPage.Shown first = page.wedge(ScannerVenue.card());
        assertTrue(first.admitted(), first.toString());
        assertEquals("ENTRÉE OK", first.verdict());
    }

    /** What the page says, per language, when a card is scanned before the performance is chosen. */
    private static final Map<String, String> CHOOSE_FIRST = Map.of(
            "fr", "Choisissez d\u2019abord la représentation : la carte scannée sera vérifiée dès qu\u2019elle est choisie.",
            "de", "Wählen Sie zuerst die Vorstellung: Die gescannte Karte wird geprüft, sobald sie gewählt ist.",
            "en", "Choose the performance first: the card just scanned is checked as soon as it is chosen.");

    @Test
    void withSeveralPerformancesAndNoneChosenAScanIsNotRefusedButAsksToChooseFirstAndIsCheckedOnceOneIsChosen() {
        String venue = Door.venueFor(this, "two-shows");
        Door.performance(venue, 10);
        String second = Door.performance(venue, 10);
        for (String language : List.of("fr", "de", "en")) {
            page.open(BearerTokens.token(Roles.BOX_OFFICE, venue), language, null);
            assertEquals("", browser.script("return document.getElementById('performance').value"), "two possible: none chosen for staff");
            ScannerPage.Shown asked = page.wedge(ScannerVenue.card());
            assertEquals("CHOOSE_PERFORMANCE", asked.reason(), language + ": " + asked);
            assertFalse(asked.state().contains("refused"), asked.toString());
            assertEquals(CHOOSE_FIRST.get(language), asked.reasonText());
            assertEquals(0L, (Long) browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.endsWith('/admissions')).length"), "nothing was sent to the server yet");
            page.screenshot("choose-performance-" + language);
            ScannerPage.Shown checked = page.answerTo(() -> new org.openqa.selenium.support.ui.Select(
                    browser.visible(By.id("performance"))).selectByValue(second));
            assertTrue(checked.admitted(), "the card kept is checked for the performance chosen: " + checked);
            assertEquals(WORDS.get(language).get("admit"), checked.verdict());
        }
    }

    @Test
    void anUndoneAdmissionNoLongerSaysAdmitTheHolderNorShowsThePriceToChargeInAnyLanguage() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        ScannerPage.Shown admitted = page.wedge(ScannerVenue.card());
        assertEquals("Charge €1.50", plain(admitted.price()));
        browser.visible(By.id("undo")).click();
        browser.await().until(d -> "UNDONE".equals(browser.script("return document.getElementById('answer').dataset.reason")));
        ScannerPage.Shown undone = page.shown();
        assertEquals("Admission undone.", undone.verdict());
        assertEquals("", undone.reasonText(), "no \"admit the holder\" left");
        assertEquals("", undone.price(), "nothing to charge");
        assertFalse(undone.admitted(), undone.toString());
        page.language("fr");
        ScannerPage.Shown inFrench = page.shown();
        assertEquals("Entrée annulée.", inFrench.verdict(), "a new language does not bring the admission back");
        assertEquals("", inFrench.reasonText());
        assertEquals("", inFrench.price());
    }
}
