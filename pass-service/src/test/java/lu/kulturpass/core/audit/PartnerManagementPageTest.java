package lu.kulturpass.core.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Programme staff register partners, draft and correct agreements and read the history, from the audit page. */
@QuarkusTest
class PartnerManagementPageTest {

    private static HeadlessChromium browser;

    @TestHTTPResource("/audit/")
    URL page;

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private AuditPageSession session() {
        return new AuditPageSession(browser, page, programmeStaff);
    }

    private void type(WebElement input, String text) {
        input.clear();
        if (text != null) {
            input.sendKeys(text);
        }
    }

    /** Sets a date input the way a date picker would (typing into it depends on the browser's locale). */
    private void date(By by, LocalDate day) {
        browser.script("arguments[0].value = arguments[1];", browser.visible(by), day.toString());
    }

    private String hash() {
        Object hash = browser.script("return location.hash");
        return hash.toString();
    }

    private String partnerIdShown() {
        browser.await().until(d -> hash().matches("#/partners/[0-9a-f-]{36}"));
        return hash().substring("#/partners/".length());
    }

    @Test
    void inFrenchStaffRegisterATheatreDraftAnAgreementCorrectItsPriceActivateItAndReadTheHistory() {
        String name = "Théâtre du Centaure " + UUID.randomUUID().toString().substring(0, 6);
        AuditPageSession session = session();
        session.open("#/partners");
        new Select(browser.visible(By.id("lang"))).selectByValue("fr");
        try {
            browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#tabs a[data-tab='partners']"), "Partenaires"));
            // the view is drawn again in French after the tabs: wait for its words, and click what is there then
            browser.await().until(ExpectedConditions.textToBe(By.cssSelector("details.manage-box > summary"), "Enregistrer un partenaire"));
            browser.click(By.cssSelector("details.manage-box > summary"));
            type(browser.visible(By.cssSelector("#new-partner input[name='name']")), name);
            browser.assertAccessible("the partner registration form open, in French");
            type(browser.visible(By.cssSelector("#new-partner textarea[name='venues']")), "Grande salle\nStudio");
            browser.visible(By.cssSelector("#new-partner button[type='submit']")).click();
            String partnerId = partnerIdShown();
            session.shown("#/partners/" + partnerId);
            assertEquals(name, browser.visible(By.id("partner-name")).getText());
            JsonPath registered = given().auth().oauth2(programmeStaff).when().get("/partners/" + partnerId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("CULTURAL", registered.getString("kind"));
            assertEquals(List.of("Grande salle", "Studio"), registered.getList("venues.name"));

            browser.visible(By.cssSelector("#new-agreement > summary")).click();
            By form = By.cssSelector("form[data-agreement-form='new']");
            browser.assertAccessible("the new agreement form open, in French");
            type(browser.visible(By.cssSelector("form[data-agreement-form='new'] input[name='price']")), "1.50");
            type(browser.visible(By.cssSelector("form[data-agreement-form='new'] input[name='placesPerEvent']")), "20");
            date(By.cssSelector("form[data-agreement-form='new'] input[name='validUntil']"), LocalDate.now().plusYears(1));
            date(By.cssSelector("form[data-agreement-form='new'] input[name='signedOn']"), LocalDate.now());
            type(browser.visible(By.cssSelector("form[data-agreement-form='new'] input[name='contactEmail']")), "billetterie@centaure.lu");
            browser.driver().findElement(form).findElement(By.cssSelector("button[type='submit']")).click();
            WebElement draft = browser.visible(By.cssSelector("article.agreement [data-status='DRAFT']"));
            assertEquals("Projet", draft.getText());
            String agreementId = browser.driver().findElement(By.cssSelector("article.agreement")).getAttribute("data-agreement-id");
            assertEquals("Enregistré : la convention est « Projet ».", browser.visible(By.cssSelector("[data-message-for='" + agreementId + "']")).getText());
            browser.assertAccessible("the audit page after drafting an agreement, in French");

            browser.visible(By.cssSelector("[data-edit-terms='" + agreementId + "'] > summary")).click();
            type(browser.visible(By.cssSelector("form[data-agreement-form='" + agreementId + "'] input[name='price']")), "2.00");
            browser.assertAccessible("the agreement's terms being corrected, in French");
            browser.visible(By.cssSelector("form[data-agreement-form='" + agreementId + "'] button[type='submit']")).click();
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("article[data-agreement-id='" + agreementId + "']"), "2,00"));
            browser.visible(By.cssSelector("[data-agreement-id='" + agreementId + "'] button[data-transition='ACTIVATE']")).click();
            browser.visible(By.cssSelector("[data-agreement-id='" + agreementId + "'] [data-status='ACTIVE']"));

            JsonPath agreement = given().auth().oauth2(programmeStaff).when().get("/agreements/" + agreementId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("ACTIVE", agreement.getString("status"));
            assertEquals(2.00f, agreement.getFloat("price"));
            assertEquals(20, agreement.getInt("placesPerEvent"));
            assertEquals(List.of("ADULT", "CHILD"), agreement.getList("acceptedCategories").stream().map(String::valueOf).sorted().toList());

            List<String> history = browser.driver().findElements(By.cssSelector("#history > li")).stream()
                    .map(li -> li.getAttribute("data-action")).toList();
            assertEquals(List.of("agreement.active", "agreement.amended", "agreement.drafted", "partner.registered"), history);
            WebElement amended = browser.visible(By.cssSelector("#history > li[data-action='agreement.amended'] summary"));
            assertTrue(amended.getText().startsWith("Conditions corrigées"), amended.getText());
            amended.click();
            String beforeAndAfter = browser.visible(By.cssSelector("#history > li[data-action='agreement.amended'] .before-after")).getText();
            browser.assertAccessible("the history with an amendment open, in French");
            assertTrue(beforeAndAfter.contains("\"price\" : 1.5") || beforeAndAfter.contains("\"price\": 1.5"), beforeAndAfter);
            assertTrue(beforeAndAfter.contains("\"price\" : 2") || beforeAndAfter.contains("\"price\": 2"), beforeAndAfter);
            session.screenshot("partner-management-fr");
        } finally {
            new Select(browser.visible(By.id("lang"))).selectByValue("en");
        }
    }

    @Test
    void anAgreementEndingBeforeItStartsIsRefusedBesideTheFormAndNothingIsDrafted() {
        String partnerId = given().auth().oauth2(programmeStaff).contentType("application/json")
                .body("{\"kind\":\"SOCIAL\",\"name\":\"Office social " + UUID.randomUUID() + "\"}")
                .when().post("/partners").then().statusCode(201).extract().path("id");
        AuditPageSession session = session();
        session.open("#/partners/" + partnerId);
        browser.visible(By.cssSelector("#new-agreement > summary")).click();
        assertTrue(browser.driver().findElements(By.cssSelector("form[data-agreement-form='new'] select[name='benefit']")).isEmpty(),
                "a social partner's agreement has no benefit or price");
        date(By.cssSelector("form[data-agreement-form='new'] input[name='validFrom']"), LocalDate.now());
        date(By.cssSelector("form[data-agreement-form='new'] input[name='validUntil']"), LocalDate.now().minusDays(1));
        browser.visible(By.cssSelector("form[data-agreement-form='new'] button[type='submit']")).click();
        WebElement refused = browser.visible(By.cssSelector("form[data-agreement-form='new'] .message.refused"));
        assertEquals("Refused: The agreement's last day cannot be before its first day.", refused.getText());
        browser.assertAccessible("the new agreement form refused");
        assertEquals(0, given().auth().oauth2(programmeStaff).when().get("/partners/" + partnerId + "/agreements")
                .then().statusCode(200).extract().jsonPath().getList("$").size());
    }
}
