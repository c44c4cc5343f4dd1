package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HeadlessChromium;
import lu.kulturpass.testing.PageLanguage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The audit page in headless Chromium, on data made through the API and Kafka events. */
@QuarkusTest
class AuditPageTest {

    private static HeadlessChromium browser;

    @TestHTTPResource("/audit/")
    URL page;

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final AuditData data = new AuditData(programmeStaff);

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private void open(String view) {
        new AuditPageSession(browser, page, programmeStaff).open(view);
    }

    private WebElement row(String partnerId) {
        return browser.visible(By.cssSelector("tr[data-partner-id='" + partnerId + "']"));
    }

    private void screenshot(String name) {
        new AuditPageSession(browser, page, programmeStaff).screenshot(name);
    }

    private JsonPath figures(String partnerId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + partnerId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void thePartnerListShowsEachPartnerWithItsKindAgreementStatusAndUsage() {
        JsonPath theatre = data.theatreInUse("Théâtre des Capucins", 2);
        String theatreId = theatre.getString("id");
        String agencyId = data.agency("Office social de Wiltz");
        data.enrol(agencyId, 2);
        data.awaitLine(agencyId, "peopleEnrolled", 2);
        open("#/partners");
        String theatreRow = row(theatreId).getText();
        assertTrue(theatreRow.contains(theatre.getString("name")) && theatreRow.contains("Cultural") && theatreRow.contains("Active")
                && theatreRow.contains("2 admissions"), theatreRow);
        String agencyRow = row(agencyId).getText();
        assertTrue(agencyRow.contains("Social") && agencyRow.contains("no agreement") && agencyRow.contains("2 people enrolled"), agencyRow);
        int partners = given().auth().oauth2(programmeStaff).when().get("/partners").then().extract().jsonPath().getList("$").size();
        assertEquals(partners, browser.driver().findElements(By.cssSelector("#partners tbody tr")).size());
        screenshot("partner-list");
    }

    @Test
    void searchingKeepsOnlyThePartnersWhoseNameMatchesAccentsIgnored() {
        String word = UUID.randomUUID().toString().substring(0, 6);
        String cinema = data.theatre("Cinémathèque-" + word).getString("id");
        String museum = data.theatre("Musée-" + word).getString("id");
        open("#/partners");
        browser.visible(By.id("search")).sendKeys("cinematheque-" + word);
        browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-partner-id='" + museum + "']")));
        assertTrue(row(cinema).isDisplayed());
        assertTrue(browser.visible(By.id("partner-count")).getText().startsWith("1 of "));
        browser.assertAccessible("the partner list filtered by a search");
    }

    @Test
    void aPartnerPageShowsItsAgreementBesideChartsOfAdmissionsPerMonthAndRefusalsByReasonAsTheApiCountsThem() {
        JsonPath theatre = data.theatre("Philharmonie");
        String theatreId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        String agreementId = data.activeAgreement(theatreId);
        data.admit(venueId, 3, OffsetDateTime.now(ZoneOffset.UTC));
        data.admit(venueId, 1, LocalDate.now().withDayOfYear(1).atTime(12, 0).atOffset(ZoneOffset.UTC));
        data.refuse(venueId, "ALREADY_ADMITTED_TODAY");
        data.refuse(venueId, "ALREADY_ADMITTED_TODAY");
        data.refuse(venueId, "EXPIRED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(theatreId).getInt("admissions") == 4
                && figures(theatreId).getInt("refusals") == 3);
        JsonPath api = figures(theatreId);
        open("#/partners/" + theatreId);
        assertEquals(theatre.getString("name"), browser.visible(By.id("partner-name")).getText());
        WebElement agreement = browser.visible(By.cssSelector("[data-agreement-id='" + agreementId + "']"));
        assertTrue(agreement.getText().contains("Active") && agreement.getText().contains("Reduced price · €1.50")
                && agreement.getText().contains("adult, child") && agreement.getText().contains("Suspend"), agreement.getText());

        List<Number> perMonth = browser.script("return Chart.getChart(document.getElementById('chart-admissions')).data.datasets[0].data");
        List<Map<String, Object>> series = api.getList("series");
        assertEquals(12, perMonth.size());
        for (Map<String, Object> month : series) {
            int index = Integer.parseInt(((String) month.get("period")).substring(5)) - 1;
            assertEquals(((Number) month.get("admissions")).longValue(), perMonth.get(index).longValue(), "month " + month.get("period"));
        }
        assertEquals(4, perMonth.stream().mapToLong(Number::longValue).sum());
        List<Number> byReason = browser.script("return Chart.getChart(document.getElementById('chart-refusals')).data.datasets[0].data");
        List<String> reasons = browser.script("return Chart.getChart(document.getElementById('chart-refusals')).data.labels");
        assertEquals(List.of(2L, 1L), byReason.stream().map(Number::longValue).toList());
        assertEquals(List.of(2, 1), List.copyOf(api.getMap("refusalsByReason").values()));
        assertEquals(List.of("Already used today", "Pass expired"), reasons);
        assertTrue(browser.visible(By.id("figures-explained")).getText().startsWith("An admission is one scan that let a pass in"),
                "the partner's figures say what they count");
        screenshot("partner-page");
    }

    @Test
    void theWholePageSpeaksLuxembourgishWithReasonsSituationsAndStatusesInWordsAndNoCode() {
        JsonPath theatre = data.theatre("Trifolion Echternach");
        String theatreId = theatre.getString("id");
        String venueId = theatre.getString("venues[0].id");
        data.activeAgreement(theatreId);
        data.admit(venueId, 2, OffsetDateTime.now(ZoneOffset.UTC));
        data.refuse(venueId, "ALREADY_ADMITTED_TODAY");
        data.refuse(venueId, "EXPIRED");
        data.refuse(venueId, "A_REASON_OF_A_NEWER_VENUE_SERVICE");
        String agencyId = data.agency("Sozialbüro Iechternach");
        data.enrol(agencyId, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> figures(theatreId).getInt("refusals") == 3);
        open("#/partners");
        try {
            new Select(browser.visible(By.id("lang"))).selectByValue("lb");
            browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#tabs a[data-tab='attention']"), "Ze kontrolléieren"));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#partners thead"), "Konventioun"));
            assertEquals("lb", browser.script("return document.documentElement.lang"));
            assertEquals("Lëtzebuergesch", new Select(browser.visible(By.id("lang"))).getFirstSelectedOption().getText());
            String row = row(theatreId).getText();
            assertTrue(row.contains("Kultur") && row.contains("A Kraaft") && row.contains("2 Entréeën"), row);
            PageLanguage.assertSpeaksItsLanguage(browser);

            open("#/partners/" + theatreId);
            browser.visible(By.id("chart-refusals"));
            List<String> reasons = browser.script("return Chart.getChart(document.getElementById('chart-refusals')).data.labels");
            assertEquals(List.of("Anere Grond", "Haut schonn benotzt", "Pass ofgelaf"), reasons.stream().sorted().toList(),
                    "every reason in words, one this page does not know as another reason");
            assertTrue(browser.visible(By.id("figures-explained")).getText().startsWith("Eng Entrée ass ee Scan"));
            PageLanguage.assertSpeaksItsLanguage(browser);
            screenshot("partner-page-lb");

            open("#/attention");
            PageLanguage.assertSpeaksItsLanguage(browser);

            open("#/report");
            assertTrue(browser.visible(By.id("figures-explained")).getText().startsWith("Firwat dës Zuelen net d’selwecht sinn"));
            String situations = browser.visible(By.cssSelector("[data-breakdown='byHouseholdSituation']")).getText();
            assertTrue(situations.contains("Eenelterendeel-Famill"), situations);
            PageLanguage.assertSpeaksItsLanguage(browser);
            screenshot("annual-report-lb");
        } finally {
            new Select(browser.visible(By.id("lang"))).selectByValue("en");
        }
    }

    @Test
    void choosingGermanOrFrenchChangesTheLabels() {
        open("#/partners");
        try {
            new Select(browser.visible(By.id("lang"))).selectByValue("de");
            browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#tabs a[data-tab='attention']"), "Zu prüfen"));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#partners thead"), "Vereinbarung"));
            assertEquals("de", browser.script("return document.documentElement.lang"));
            PageLanguage.assertSpeaksItsLanguage(browser);
            browser.assertAccessible("the audit page in German");
            new Select(browser.visible(By.id("lang"))).selectByValue("fr");
            browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#tabs a[data-tab='attention']"), "À examiner"));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#partners thead"), "Convention"));
            PageLanguage.assertSpeaksItsLanguage(browser);
            screenshot("partner-list-fr");
            browser.assertAccessible("the audit page in French");
        } finally {
            new Select(browser.visible(By.id("lang"))).selectByValue("en");
        }
    }

    @Test
    void withoutASessionThePageOffersToSignInAndShowsNoDataAndSigningInBringsThePersonBackToTheViewTheyOpened() {
        browser.sendBearerToken(null);
        browser.open("about:blank");
        browser.open(page + "#/report");
        signInSays("This page is for programme staff: sign in with your Kulturpass account.");
        assertEquals("/signin?to=%2Faudit%2F%23%2Freport", browser.visible(By.id("signin-button")).getDomAttribute("href"));
        assertFalse(browser.driver().findElement(By.id("view")).isDisplayed());
        assertFalse(browser.driver().findElement(By.id("tabs")).isDisplayed());
        screenshot("sign-in");
        browser.assertAccessible("the audit page offering to sign in");

        String forged = programmeStaff.substring(0, programmeStaff.length() - 4) + "AAAA";
        browser.sendBearerToken(forged);
        browser.open("about:blank");
        browser.open(page + "#/report");
        signInSays("This page is for programme staff");
        assertFalse(browser.driver().findElement(By.id("view")).isDisplayed(), "a forged token shows nothing");
        browser.assertAccessible("the audit page after a forged token");

        browser.sendBearerToken(programmeStaff);
        browser.script("window.beforeSigningIn = true;");
        browser.visible(By.id("signin-button")).click();
        browser.await().until(d -> !Boolean.TRUE.equals(browser.script("return window.beforeSigningIn || false")));
        new AuditPageSession(browser, page, programmeStaff).shown("#/report");
        assertEquals("Signed in: programme-staff@kulturpass.test Sign out", browser.visible(By.id("who")).getText().replaceAll("\\s+", " "),
                "programme staff belong to no partner");
        assertEquals("/signout", browser.visible(By.id("sign-out")).getDomAttribute("href"));
        assertEquals("Sign out", browser.visible(By.id("sign-out")).getText());
        browser.assertAccessible("the audit page signed in again");
    }

    @Test
    void anAccountOfAnotherRoleIsToldWhatItIsForInsteadOfAHalfWorkingPage() {
        browser.sendBearerToken(BearerTokens.token(Roles.BOX_OFFICE, UUID.randomUUID().toString()));
        browser.open("about:blank");
        browser.open(page + "#/partners");
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#signin h1"), "This page is not for your account"));
        assertEquals("This account is for the box office: open the scanner page.", browser.visible(By.id("signin-message")).getText());
        assertEquals("/signout", browser.visible(By.id("signin-signout")).getDomAttribute("href"), "to sign in with another account");
        assertEquals(List.of("H1", "P", "A"), browser.script("return [...document.getElementById('signin').childNodes].map((n) => n.nodeName)"),
                "a title, what the account is for and the way to sign out, nothing else");
        assertFalse(browser.driver().findElement(By.id("view")).isDisplayed());
        assertFalse(browser.driver().findElement(By.id("tabs")).isDisplayed());
        new Select(browser.visible(By.id("lang"))).selectByValue("fr");
        try {
            browser.await().until(ExpectedConditions.textToBe(By.id("signin-message"),
                    "Ce compte est celui d\u2019une caisse : ouvrez la page du scanner."));
                    browser.assertAccessible("the audit page telling another role it is not for it, in French");
        } finally {
            new Select(browser.visible(By.id("lang"))).selectByValue("en");
        }
        screenshot("wrong-role");
    }

    @Test
    void noTokenIsKeptWhereAScriptCouldReadItNotEvenOneGivenInTheAddress() {
        open("#/partners");
        String endOfJune = LocalDate.now().getYear() + "-06-30";
        try {
            browser.script("const to = document.getElementById('to'); to.value = arguments[0]; to.dispatchEvent(new Event('change'));",
                    endOfJune);
            browser.open("about:blank");
            browser.open(page + "#token=" + programmeStaff); // a link of the time tokens travelled in the address
            browser.await().until(d -> !"".equals(browser.script("return document.getElementById('view').dataset.ready || ''")));
            assertEquals(endOfJune, browser.script("return sessionStorage.getItem('kulturpass.audit.to')"), "the period is kept for the tab");
            assertEquals(List.of(), browser.tokensInStorage());
        } finally {
            browser.script("sessionStorage.removeItem('kulturpass.audit.to');"); // the other tests' period: this year
        }
    }

    private void signInSays(String words) {
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), words));
        assertTrue(browser.driver().findElement(By.id("signin")).isDisplayed());
    }

    @Test
    void aRefusedAgreementTransitionShowsTheServersConflictMessage() {
        String theatreId = data.theatre("Kinneksbond").getString("id");
        String unsigned = data.draftAgreement(theatreId, false);
        open("#/partners/" + theatreId);
        browser.visible(By.cssSelector("[data-agreement-id='" + unsigned + "'] button[data-transition='ACTIVATE']")).click();
        WebElement message = browser.visible(By.cssSelector("[data-message-for='" + unsigned + "'].refused"));
        assertEquals("Refused: An agreement is activated once signed: set its signedOn date first", message.getText());
        assertEquals("DRAFT", given().auth().oauth2(programmeStaff).when().get("/agreements/" + unsigned).then().extract().path("status"));
        screenshot("refused-transition");
        browser.assertAccessible("the audit page showing a refused transition");
    }

    @Test
    void suspendingAnAgreementAndDraftingItsRenewalFromThePageChangeItInTheApi() {
        String theatreId = data.theatre("Rotondes").getString("id");
        String agreementId = data.activeAgreement(theatreId);
        open("#/partners/" + theatreId);
        browser.visible(By.cssSelector("[data-agreement-id='" + agreementId + "'] button[data-transition='SUSPEND']")).click();
        assertEquals("Done: the agreement is now Suspended.",
                browser.visible(By.cssSelector("[data-message-for='" + agreementId + "'].done")).getText());
        assertEquals("SUSPENDED", given().auth().oauth2(programmeStaff).when().get("/agreements/" + agreementId).then().extract().path("status"));
        browser.assertAccessible("the audit page after suspending an agreement");

        browser.visible(By.cssSelector("button[data-renew='" + agreementId + "']")).click();
        browser.visible(By.cssSelector(".message.done:not([data-message-for='" + agreementId + "'])"));
        List<Map<String, Object>> agreements = given().auth().oauth2(programmeStaff).when().get("/partners/" + theatreId + "/agreements")
                .then().extract().jsonPath().getList("$");
        assertTrue(agreements.stream().anyMatch(a -> agreementId.equals(a.get("renewedFrom")) && "DRAFT".equals(a.get("status"))));
        browser.assertAccessible("the audit page after drafting a renewal");
    }

    @Test
    void needsYourEyeListsAnAdmissionOutsideAnAgreementWithItsEventId() {
        JsonPath theatre = data.theatre("Casino Luxembourg");
        String eventId = data.admit(theatre.getString("venues[0].id"), 1, OffsetDateTime.now(ZoneOffset.UTC)).get(0);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(programmeStaff)
                .when().get("/audit/admissions-outside-agreements").then().extract().jsonPath().getList("eventId").contains(eventId));
        open("#/attention");
        String outside = browser.visible(By.id("attention-outside")).getText();
        browser.assertAccessible("the needs-your-eye view");
        assertTrue(outside.contains(eventId) && outside.contains(theatre.getString("name")) && outside.contains("no agreement"), outside);
        for (String section : List.of("expiring", "inactive", "anomalies")) {
            assertTrue(browser.visible(By.id("attention-" + section)).isDisplayed());
        }
        screenshot("needs-your-eye");
    }

    @Test
    void theAnnualReportHidesSmallGroupsAndShowsThePlacesOfferedAndUsed() {
        String agencyId = data.agency("Caritas");
        String village = "Vianden-" + agencyId.substring(0, 6);
        data.enrol(agencyId, 2, village);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(programmeStaff).when().get("/statistics/programme")
                .then().extract().jsonPath().getList("byMunicipality.group").contains(village));
        JsonPath programme = given().auth().oauth2(programmeStaff).when().get("/statistics/programme").then().extract().jsonPath();
        open("#/report");
        WebElement row = browser.driver().findElements(By.cssSelector("[data-breakdown='byMunicipality'] tbody tr")).stream()
                .filter(r -> r.getText().contains(village)).findFirst().orElseThrow();
        assertEquals("hidden", row.findElement(By.cssSelector("td[data-label='People']")).getText());
        String offered = browser.visible(By.cssSelector("[data-figure='placesOffered']")).getText();
        assertTrue(offered.startsWith(String.format("%,d", programme.getLong("placesOffered"))) && offered.contains("Places offered"), offered);
        String used = browser.visible(By.cssSelector("[data-figure='placesUsed']")).getText();
        assertTrue(used.startsWith(String.format("%,d", programme.getLong("placesUsed"))) && used.contains("Places used"), used);
        assertTrue(browser.visible(By.cssSelector("[data-figure='passesIssued']")).getText()
                .startsWith(String.format("%,d", programme.getLong("passesIssued"))));
        String explained = browser.visible(By.id("figures-explained")).getText();
        assertTrue(explained.startsWith("Why these figures differ: an admission is one scan that let a pass in, and a group pass lets "
                + "its whole group in with one admission.") && explained.contains("People reached count each holder"), explained);
        screenshot("annual-report");
    }

    @Test
    void thePartnerListCsvDownloadsFromThePageWithOneRowPerPartner() throws IOException {
        JsonPath theatre = data.theatre("Mudam; musée");
        String theatreId = theatre.getString("id");
        open("#/partners");
        browser.visible(By.cssSelector("button[data-csv^='/statistics/partners.csv']")).click();
        Path file = browser.downloaded("kulturpass-partners_");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFPartner number;Partner;Kind;"), text);
        assertTrue(text.contains(theatreId + ";\"" + theatre.getString("name") + "\";Cultural;;"), text);
        int partners = given().auth().oauth2(programmeStaff).when().get("/partners").then().extract().jsonPath().getList("$").size();
        assertEquals(partners + 1, text.split("\r\n").length);
    }

    @Test
    void everyViewFitsAPhoneWidthWithoutScrollingSideways() {
        JsonPath theatre = data.theatre("Centre culturel régional opderschmelz Dudelange");
        String theatreId = theatre.getString("id");
        data.activeAgreement(theatreId);
        data.refuse(theatre.getString("venues[0].id"), "CATEGORY_NOT_ACCEPTED");
        browser.phone(390, 844);
        try {
            Map<String, String> views = Map.of("#/partners", "phone-partners", "#/partners/" + theatreId, "phone-partner",
                    "#/attention", "phone-needs-your-eye", "#/report", "phone-annual-report");
            views.forEach((view, name) -> {
                open(view);
                assertFalse(browser.scrollsSideways(), view + " scrolls sideways at 390 px");
                screenshot(name);
            });
        } finally {
            browser.desktop();
        }
    }
}
