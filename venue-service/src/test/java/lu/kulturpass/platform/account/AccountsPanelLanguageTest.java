package lu.kulturpass.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HeadlessChromium;
import lu.kulturpass.testing.PageLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The staff accounts panel every page shows (platform's accounts.js, here on the venue page, whose service has no
 * Keycloak to manage accounts in, for programme staff) speaks Luxembourgish from the catalogue AccountsWords: its title, the service's
 * refusal in the page's language, roles and changes as words.
 */
@QuarkusTest
class AccountsPanelLanguageTest {

    private static HeadlessChromium browser;

    @TestHTTPResource("/venue/")
    URL venuePage;

    @BeforeAll
    static void aBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void thePanelSpeaksLuxembourgishWithTheServicesAnswerInLuxembourgishAndRolesAsWords() {
        // programme staff manage every account: no partner to set up first; the page's scripts are all the test needs
        browser.sendBearerToken(BearerTokens.token(Roles.PROGRAMME_STAFF, null));
        browser.open(venuePage.toString());
        browser.await().until(d -> Boolean.TRUE.equals(browser.script("return !!(window.KulturpassAccounts && window.KULTURPASS_WORDS)")));
        // the panel alone, on a page in Luxembourgish: nothing else on it to judge
        browser.script("document.documentElement.lang = 'lb';"
                + " const box = document.createElement('div'); box.id = 'accounts-lb'; document.body.replaceChildren(box);"
                + " KulturpassAccounts.mount(box, { lang: 'lb', signIn: () => {} });");
        browser.await().until(d -> "true".equals(browser.script("return document.getElementById('accounts-lb').dataset.ready || ''")));

        assertEquals("Konte vum Personal", browser.visible(By.id("accounts-title")).getText());
        String message = browser.visible(By.id("accounts-message")).getText();
        assertTrue(message.startsWith("Eppes ass schifgelaf: D'Verwaltung vun de Konten ass op dëser Installatioun net ageriicht"), message);
        PageLanguage.assertSpeaksItsLanguage(browser);

        assertEquals("Keess", browser.script("return KulturpassPage.translator(() => 'lb')('staffRole.BOX_OFFICE')"));
        assertEquals("invitéiert", browser.script("return KulturpassPage.translator(() => 'lb')('accountChange.INVITED')"));
    }
}
