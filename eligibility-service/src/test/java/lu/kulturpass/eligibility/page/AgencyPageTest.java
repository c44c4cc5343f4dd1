package lu.kulturpass.eligibility.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HeadlessChromium;
import lu.kulturpass.testing.PageLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The agency page in headless Chromium, against this service and the packaged pass-service. */
@QuarkusTest
class AgencyPageTest {

    private static HeadlessChromium browser;

    @TestHTTPResource("/agency/")
    URL page;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", "agency-" + test.getDisplayName().replaceAll("\\W", "") + ".png"));
        browser.desktop();
    }

    /** Opens the page signed in as the worker (the browser sends their token) on a view, in a language. */
    private void open(AgencyWorker staff, String view, String language) {
        browser.sendBearerToken(staff.token);
        openSignedOut(view, language);
        browser.await().until(d -> !browser.<String>script("return document.getElementById('agency-status').textContent").isEmpty());
        browser.assertAccessible("the agency page opened on " + view + " in " + language);
    }

    /** Opens the page on a view, in a language, with whatever the browser sends. */
    private void openSignedOut(String view, String language) {
        browser.open("about:blank");
        browser.open(page.toString());
        browser.script("localStorage.setItem('kulturpass.agency.lang', arguments[0]);", language);
        browser.open("about:blank");
        browser.open(page + view);
    }

    /** Follows the sign-in button and waits for the page it leads back to. */
    private void signInAgain(AgencyWorker staff) {
        browser.sendBearerToken(staff.token);
        browser.script("window.beforeSigningIn = true;");
        browser.visible(By.id("signin-button")).click();
        browser.await().until(d -> !Boolean.TRUE.equals(browser.script("return window.beforeSigningIn || false"))
                && !browser.<String>script("return document.getElementById('agency-status').textContent").isEmpty());
    }

    private static void type(String id, String text) {
        WebElement input = browser.visible(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void setDate(WebElement input, String iso) {
        browser.script("arguments[0].value = arguments[1];", input, iso);
    }

    private static String text(By by) {
        return browser.visible(by).getText();
    }

    private static void awaitText(By by, String expected) {
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
    }

    @Test
    void aWorkerEnrolsAHouseholdApprovesItAndDownloadsTheCards() throws IOException {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Santos");
        open(staff, "#/enrol", "en");
        new Select(browser.visible(By.id("situation"))).selectByValue("SINGLE_PARENT");
        type("municipality", "Esch-sur-Alzette");
        browser.visible(By.id("add-member")).click();
        List<WebElement> members = browser.driver().findElements(By.cssSelector(".member-fields"));
        assertEquals(2, members.size());
        browser.assertAccessible("the enrolment form with two members");
        String[][] people = {{"Maria", family, "1984-07-14"}, {"Léo", family, "2014-02-03"}};
        for (int i = 0; i < 2; i++) {
            members.get(i).findElement(By.name("firstName")).sendKeys(people[i][0]);
            members.get(i).findElement(By.name("lastName")).sendKeys(people[i][1]);
            setDate(members.get(i).findElement(By.name("birthDate")), people[i][2]);
        }
        browser.visible(By.id("enrol-submit")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Submitted");

        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("AVC_ENERGY_BONUS");
        assertTrue(text(By.id("decision-hint")).contains("12 months"));
        browser.assertAccessible("a submitted household with its decision form");
        type("decision-kind", "FNS decision");
        type("decision-issuer", "Fonds national de solidarité");
        type("decision-number", "AVC-77");
        setDate(browser.visible(By.id("decision-date")), LocalDate.now().minusDays(5).toString());
        browser.visible(By.id("approve")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Approved");
        assertEquals(2, browser.driver().findElements(By.cssSelector(".pass-number")).size());
        assertTrue(text(By.id("decisions")).contains("Cost-of-living allowance and/or energy bonus (FNS)"), "the criterion in words");
        PageLanguage.assertSpeaksItsLanguage(browser);
        assertTrue(text(By.id("decisions")).contains("AVC-77"));
        browser.assertAccessible("an approved household with its cards");

        browser.visible(By.id("cards-pdf")).click();
        Path pdf = browser.downloaded("kulturpass-cards");
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void theWorkerFindsPeopleByNameInGermanAndReportsALostCard() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Müller");
        String id = staff.enrol(AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("Zoë", family, "1979-12-24"))).getString("id");
        String oldNumber = staff.approve(id).getString("members[0].passNumber");
        open(staff, "#/people", "de");
        assertEquals("Personen", text(By.cssSelector("[data-tab=people]")));
        type("search", "zoe " + family.split(" ")[1]);
        awaitText(By.id("people-count"), "1 Personen");
        browser.assertAccessible("the people found by a search, in German");
        browser.visible(By.linkText("Zoë " + family)).click();
        awaitText(By.cssSelector("#household [data-status]"), "Bewilligt");

        browser.script("window.confirm = () => true;");
        new Select(browser.visible(By.cssSelector(".member select"))).selectByValue("STOLEN");
        browser.visible(By.cssSelector(".lost-card")).click();
        awaitText(By.id("flash"), "Neue Karte");
        String newNumber = text(By.cssSelector(".pass-number"));
        assertFalse(newNumber.contains(oldNumber), newNumber);
        assertTrue(text(By.id("flash")).contains(newNumber.replace("Karte ", "")));
        browser.assertAccessible("a lost card replaced, in German");
    }

    @Test
    void aDecisionTheServerRefusesShowsItsReasonAndARejectionNeedsNoCriterion() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Paul", AgencyWorker.surname("Becker"), "1975-05-05").getString("id");
        open(staff, "#/enrolments/" + id, "fr");
        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("DPI");
        type("decision-kind", "Attestation");
        type("decision-issuer", "Direction de l'immigration");
        setDate(browser.visible(By.id("decision-date")), LocalDate.now().minusYears(1).toString());
        browser.visible(By.id("approve")).click();
        awaitText(By.cssSelector("#decision [role=alert]"), "ne compte plus pour Demandeur de protection internationale (DPI)");
        PageLanguage.assertSpeaksItsLanguage(browser);
        browser.assertAccessible("a refused decision, in French");
        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("");
        new Select(browser.visible(By.id("decision-reason"))).selectByValue("INCOME_ABOVE_LIMIT");
        browser.visible(By.id("reject")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Refusée");
        assertTrue(text(By.id("decisions")).contains("revenu au-dessus du plafond"));
        PageLanguage.assertSpeaksItsLanguage(browser);
        browser.assertAccessible("a rejected household, in French");
    }

    @Test
    void aFailedDecisionIsShownNextToItsButtonAndAnnouncedInThePagesLanguage() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Nora", AgencyWorker.surname("Kieffer"), "1971-03-03").getString("id");
        browser.phone(360, 640);
        open(staff, "#/enrolments/" + id, "de");
        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("DPI");
        type("decision-kind", "Bescheinigung");
        type("decision-issuer", "Direction de l'immigration");
        setDate(browser.visible(By.id("decision-date")), LocalDate.now().minusYears(1).toString());
        WebElement approve = browser.visible(By.id("approve"));
        browser.script("arguments[0].scrollIntoView({block: 'end'});", approve);
        approve.click();
        By error = By.cssSelector("#decision [role=alert]");
        awaitText(error, "gilt nicht mehr für Antragsteller auf internationalen Schutz (DPI)");
        assertTrue(text(error).startsWith("Nicht ausgeführt:"), text(error));
        assertTrue(browser.<Boolean>script("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", browser.visible(error)), "the error is in sight");
        assertTrue(browser.<Boolean>script("return arguments[0].compareDocumentPosition(arguments[1]) === Node.DOCUMENT_POSITION_FOLLOWING;",
                approve, browser.visible(error)), "the error follows the button that failed");
                browser.assertAccessible("a failed decision on a 360 px phone, in German");
    }

    @Test
    void noRefusalReasonIsChosenForTheWorkerAndRefusingWithoutOneIsRefusedWithAClearMessage() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Marc", AgencyWorker.surname("Thill"), "1969-09-09").getString("id");
        open(staff, "#/enrolments/" + id, "en");
        assertEquals("", new Select(browser.visible(By.id("decision-reason"))).getFirstSelectedOption().getDomAttribute("value"));
        browser.visible(By.id("reject")).click();
        awaitText(By.cssSelector("#decision [role=alert]"), "Choose a reason");
        assertEquals("true", browser.visible(By.id("decision-reason")).getDomAttribute("aria-invalid"));
        assertEquals("Submitted", text(By.cssSelector("#household [data-status]")));
        assertEquals("SUBMITTED", staff.get("/enrolments/" + id).statusCode(200).extract().path("status"), "nothing was decided");
        browser.assertAccessible("a rejection refused without a reason");
    }

    @Test
    void onANarrowPhoneEveryTabIsInSightAndTheLanguageSelectorIsReadable() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        browser.phone(360, 740);
        open(staff, "#/people", "fr");
        List<String> outOfSight = browser.script("return [...document.querySelectorAll('#tabs a')].filter((a) => !a.hidden)"
                + ".filter((a) => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })"
                + ".map((a) => a.dataset.tab)");
        assertEquals(List.of(), outOfSight, "tabs out of sight at 360 px");
        browser.visible(By.cssSelector("[data-tab=import]")).click();
        browser.visible(By.id("import-form"));
        browser.assertAccessible("the import tab on a 360 px phone, in French");
        WebElement language = browser.visible(By.id("lang"));
        // the width the selector takes, styled as it is, when nothing squeezes it: its options' words fit in it
        double natural = ((Number) browser.script("const copy = arguments[0].cloneNode(true); copy.removeAttribute('id');"
                + " copy.style.width = 'auto'; copy.style.minWidth = 'auto'; copy.style.position = 'absolute';"
                + " copy.style.visibility = 'hidden'; arguments[0].after(copy);"
                + " const width = copy.getBoundingClientRect().width; copy.remove(); return width;", language)).doubleValue();
        double shown = ((Number) browser.script("return arguments[0].getBoundingClientRect().width;", language)).doubleValue();
        assertTrue(shown >= natural, "the language selector is " + shown + " px wide, its words need " + natural);
        assertTrue(browser.<Boolean>script("const r = arguments[0].getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth;",
                language), "the language selector is in sight");
        assertFalse(browser.scrollsSideways());
    }

    @Test
    void theRenewalsTabListsWhoIsDueAndRenewsWithFreshEvidence() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Rita", AgencyWorker.surname("Lopes"), "1966-06-16").getString("id");
        staff.approve(id);
        QuarkusTransaction.requiringNew().run(() -> Enrolment.<Enrolment>findById(UUID.fromString(id)).validUntil = LocalDate.now().plusDays(20));
        open(staff, "#/renewals", "en");
        browser.visible(By.cssSelector("#renewals-table [data-enrolment-id='" + id + "'] a")).click();
        new Select(browser.visible(By.id("renewal-criterion"))).selectByValue("RPGH");
        type("renewal-kind", "RPGH decision");
        type("renewal-issuer", "FNS");
        setDate(browser.visible(By.id("renewal-date")), LocalDate.now().toString());
        browser.assertAccessible("the renewal form");
        browser.visible(By.id("renew")).click();
        awaitText(By.id("flash"), "Renewed until");
        browser.assertAccessible("a household renewed");
        browser.visible(By.cssSelector("[data-tab=renewals]")).click();
        awaitText(By.cssSelector("main"), "Nobody is due for renewal.");
        browser.assertAccessible("the renewals tab with nobody due");
    }

    /** Imports a list of two people whose second (line 3) has no last name and a birth date that does not exist. */
    private static void importTwoProblemsOnLine3(String header) throws IOException {
        Path file = Files.createTempFile("agency-import", ".csv");
        String family = AgencyWorker.surname("Weber");
        Files.writeString(file, header + "\n" + family + ";Jean;30.11.1958\n;Anna;31.02.1990\n", StandardCharsets.UTF_8);
        browser.visible(By.id("import-file")).sendKeys(file.toString());
        browser.visible(By.cssSelector("#import-form button[type=submit]")).click();
    }

    private static List<String> problemsShown() {
        return browser.driver().findElements(By.cssSelector("#bad-rows tbody li")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aCsvImportShowsEveryProblemOfEachBadRowWithItsLineInThePagesLanguage() throws IOException {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        open(staff, "#/import", "fr");
        importTwoProblemsOnLine3("Nachname;Vorname;Geburtsdatum");
        awaitText(By.id("import-summary"), "2 lignes lues : 1 importées en 1 ménages, 0 accordés, 1 non importées.");
        assertEquals("3", text(By.cssSelector("#bad-rows tbody td:first-child")));
        assertEquals(List.of("Nom : vide",
                "Date de naissance : « 31.02.1990 » n'est pas une date (écrivez 2026-03-31, 31.03.2026 ou 31/03/2026)"), problemsShown());
        PageLanguage.assertSpeaksItsLanguage(browser);
    }

    @Test
    void aWorkerDoesEverythingInLuxembourgishAndThePageSpeaksItThroughout() throws IOException {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Kayser");
        open(staff, "#/enrol", "lb");
        assertEquals(List.of("Français", "Deutsch", "English", "Lëtzebuergesch"),
                new Select(browser.visible(By.id("lang"))).getOptions().stream().map(WebElement::getText).toList());
        assertEquals("E Stot aschreiwen", text(By.cssSelector("[data-tab=enrol]")));
        new Select(browser.visible(By.id("situation"))).selectByValue("SINGLE_PARENT");
        assertEquals("Eenelterendeel-Famill", new Select(browser.visible(By.id("situation"))).getFirstSelectedOption().getText());
        type("municipality", "Déifferdeng");
        WebElement member = browser.visible(By.cssSelector(".member-fields"));
        member.findElement(By.name("firstName")).sendKeys("Jil");
        member.findElement(By.name("lastName")).sendKeys(family);
        setDate(member.findElement(By.name("birthDate")), "1986-04-12");
        PageLanguage.assertSpeaksItsLanguage(browser);
        browser.visible(By.id("enrol-submit")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Agereecht");
        PageLanguage.assertSpeaksItsLanguage(browser);

        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("AVC_ENERGY_BONUS");
        assertEquals("Teierungszoulag an/oder Energiepräm (FNS)",
                new Select(browser.visible(By.id("decision-criterion"))).getFirstSelectedOption().getText());
        assertTrue(text(By.id("decision-hint")).contains("12 Méint"), text(By.id("decision-hint")));
        type("decision-kind", "Decisioun vum FNS");
        type("decision-issuer", "Fonds national de solidarité");
        setDate(browser.visible(By.id("decision-date")), LocalDate.now().minusDays(3).toString());
        browser.visible(By.id("approve")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Accordéiert");
        assertTrue(text(By.id("decisions")).contains("Teierungszoulag an/oder Energiepräm (FNS)"), text(By.id("decisions")));
        assertTrue(text(By.id("household")).contains("Eenelterendeel-Famill"));
        PageLanguage.assertSpeaksItsLanguage(browser);

        browser.visible(By.cssSelector("[data-tab=import]")).click();
        importTwoProblemsOnLine3("Familljennumm;Virnumm;Gebuertsdatum");
        awaitText(By.id("import-summary"), "2 Linne gelies: 1 an 1 Stéit importéiert, 0 accordéiert, 1 net importéiert.");
        assertEquals(List.of("Familljennumm: eidel",
                "Gebuertsdatum: „31.02.1990“ ass keen Datum (schreift 2026-03-31, 31.03.2026 oder 31/03/2026)"), problemsShown());
        PageLanguage.assertSpeaksItsLanguage(browser);

        browser.visible(By.cssSelector("[data-tab=people]")).click();
        browser.visible(By.id("people-table"));
        PageLanguage.assertSpeaksItsLanguage(browser);
        browser.visible(By.id("export")).click();
        List<String> lines = Files.readAllLines(browser.downloaded("kulturpass-beneficiaries"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFStot;Familljennumm;Virnumm;Gebuertsdatum;Situatioun vum Stot;Gemeng;Status;"), lines.get(0));
        String jil = lines.stream().filter(line -> line.contains(";Jil;")).findFirst().orElseThrow();
        assertTrue(jil.contains(";Eenelterendeel-Famill;Déifferdeng;Accordéiert;"), jil);
        assertTrue(jil.contains(";Teierungszoulag an/oder Energiepräm (FNS);"), jil);
        assertFalse(String.join("\n", lines).matches("(?s).*\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b.*"), "no code in the export");
        browser.assertAccessible("an import with a bad row");
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndAnAgencyWithoutAgreementIsTold() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        staff.enrol(AgencyWorker.household("COUPLE_WITH_CHILDREN", AgencyWorker.member("Anne-Marie", AgencyWorker.surname("Schmit-Hoffmann"), "1980-01-01"),
                AgencyWorker.member("Jean-Baptiste", AgencyWorker.surname("Schmit-Hoffmann"), "2012-01-01")));
        browser.phone(375, 740);
        for (String view : List.of("#/people", "#/enrol", "#/import", "#/renewals")) {
            open(staff, view, "fr");
            browser.visible(By.cssSelector("main .card"));
            assertFalse(browser.scrollsSideways(), view + " scrolls sideways on a phone");
            browser.assertAccessible("each tab on a 375 px phone, in French");
        }
        browser.desktop();
        AgencyWorker outside = new AgencyWorker(Agencies.withoutAgreement());
        open(outside, "#/enrol", "en");
        assertTrue(browser.visible(By.id("not-acting")).isDisplayed());
        assertFalse(browser.visible(By.id("enrol-submit")).isEnabled());
        assertNotEquals("", text(By.id("agency-status")));
        browser.assertAccessible("an agency without agreement");
    }

    @Test
    void anotherRoleIsToldWhatItsAccountIsForAndWithoutASessionThePageOffersToSignInAndAWorkerSeesWhoIsSignedIn() {
        browser.sendBearerToken(BearerTokens.token(Roles.BOX_OFFICE, UUID.randomUUID().toString()));
        openSignedOut("#/enrol", "en");
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#signin h1"), "This page is not for your account"));
        assertEquals("This account is for the box office: open the scanner page.", text(By.id("signin-message")));
        assertEquals("/signout", browser.visible(By.id("signin-signout")).getDomAttribute("href"));
        browser.assertAccessible("the agency page telling another role it is not for it");
        assertFalse(browser.driver().findElement(By.id("view")).isDisplayed());

        browser.sendBearerToken(null);
        openSignedOut("#/enrol", "en");
        awaitText(By.id("signin-message"), "This page is for social agency staff: sign in with your Kulturpass account.");
        assertEquals("/signin?to=%2Fagency%2F%23%2Fenrol", browser.visible(By.id("signin-button")).getDomAttribute("href"));
        assertFalse(browser.driver().findElement(By.id("view")).isDisplayed());
        assertFalse(browser.driver().findElement(By.id("tabs")).isDisplayed());
        browser.assertAccessible("the agency page offering to sign in");

        AgencyWorker staff = AgencyWorker.ofNewAgency();
        signInAgain(staff);
        assertTrue(browser.visible(By.id("enrol-form")).isDisplayed(), "back on the view the worker had opened");
        assertEquals("Signed in: agency-staff@kulturpass.test", text(By.id("who-user")));
        String agencyName = staff.get("/agencies/mine").statusCode(200).extract().path("name");
        assertEquals(agencyName == null ? staff.agencyId : agencyName, text(By.id("who-partner")), "for which agency");
        assertEquals("/signout", browser.visible(By.id("sign-out")).getDomAttribute("href"));
        browser.assertAccessible("the agency page signed in");
    }

    @Test
    void whatAWorkerTypedSurvivesASessionThatEndedAndIsBackAfterTheySignInAgain() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String family = AgencyWorker.surname("Hoffmann");
        open(staff, "#/enrol", "en");
        new Select(browser.visible(By.id("situation"))).selectByValue("SINGLE_PARENT");
        type("municipality", "Wiltz");
        browser.visible(By.id("add-member")).click();
        List<WebElement> members = browser.driver().findElements(By.cssSelector(".member-fields"));
        String[][] people = {{"Anna", family, "1988-03-09"}, {"Tom", family, "2016-10-21"}};
        for (int i = 0; i < 2; i++) {
            members.get(i).findElement(By.name("firstName")).sendKeys(people[i][0]);
            members.get(i).findElement(By.name("lastName")).sendKeys(people[i][1]);
            setDate(members.get(i).findElement(By.name("birthDate")), people[i][2]);
        }

        browser.sendBearerToken(null); // the session ends while the worker types
        browser.visible(By.id("enrol-submit")).click();
        awaitText(By.id("signin-message"), "Your session has ended. Sign in again to carry on: what you were typing is kept.");
        assertFalse(browser.driver().findElement(By.id("who")).isDisplayed(), "nobody is signed in any more");
        assertEquals(0, staff.get("/enrolments").statusCode(200).extract().jsonPath().getList("$").size(), "nothing was enrolled");
        browser.assertAccessible("the agency page after the session ended while typing");
        assertEquals("/signin?to=%2Fagency%2F%23%2Fenrol", browser.visible(By.id("signin-button")).getDomAttribute("href"));

        signInAgain(staff);
        assertEquals("SINGLE_PARENT", new Select(browser.visible(By.id("situation"))).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals("Wiltz", browser.visible(By.id("municipality")).getDomProperty("value"));
        List<String> typed = browser.script("return [...document.querySelectorAll('.member-fields input')].map((f) => f.value)");
        assertEquals(List.of("Anna", family, "1988-03-09", "Tom", family, "2016-10-21"), typed);
        assertNull(browser.script("return sessionStorage.getItem('kulturpass.draft')"), "the draft is gone once put back");
        browser.assertAccessible("the enrolment form put back after signing in again");

        browser.visible(By.id("enrol-submit")).click();
        awaitText(By.cssSelector("#household [data-status]"), "Submitted");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#household .member")).size());
    }

    @Test
    void noTokenIsKeptWhereAScriptCouldReadItNotEvenOneGivenInTheAddress() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        open(staff, "#/people", "de");
        browser.open("about:blank");
        browser.open(page + "#token=" + staff.token); // a link of the time tokens travelled in the address
        browser.await().until(d -> !browser.<String>script("return document.getElementById('agency-status').textContent").isEmpty());
        assertEquals("de", browser.script("return localStorage.getItem('kulturpass.agency.lang')"), "the page keeps what it keeps");
        assertEquals(List.of(), browser.tokensInStorage());
    }
}
