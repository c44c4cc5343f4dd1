package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import lu.kulturpass.testing.PageLanguage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The scanner page walked through in Luxembourgish and in French: ready, a card admitted, the same card refused, an
 * admission undone, and a verdict the device gives offline, each in the page's language (no code, no English sentence),
 * the reasons in the words venue-service answers with.
 */
@QuarkusTest
class ScannerLanguagesTest extends ScannerBrowserTest {

    /** What the page says, per language, at each step. */
    private static final Map<String, Map<String, String>> SAYS = Map.of(
            "lb", Map.of("ready", "Prett fir ze scannen", "admit", "ENTRÉE OK",
                    "valid", "Kulturpass gëlteg: loosst d'Persoun eran, nodeems Dir hiren Ausweis kontrolléiert hutt.",
                    "refuse", "REFUSÉIERT", "again", "Dës Kaart gouf fir dës Virstellung scho benotzt.",
                    "undone", "Entrée annuléiert.", "expired", "Dës Kaart ass ofgelaf. D'Persoun kann se bei hirem Sozialbüro erneiere loossen.",
                    "refusedOffline", "offline refuséiert", "lb", "LB"),
            "fr", Map.of("ready", "Prêt à scanner", "admit", "ENTRÉE OK",
                    "valid", "Kulturpass valable : laissez entrer la personne après avoir vérifié sa pièce d'identité.",
                    "refuse", "REFUSÉ", "again", "Cette carte a déjà été utilisée pour cette représentation.",
                    "undone", "Entrée annulée.", "expired", "Cette carte a expiré. La personne peut la renouveler auprès de son office social.",
                    "refusedOffline", "refusé hors ligne", "lb", "LB"));

    @Test
    void inLuxembourgishTheDoorIsAdmittedRefusedUndoneAndJudgedOfflineInLuxembourgish() {
        walkThrough("lb");
    }

    @Test
    void inFrenchTheDoorIsAdmittedRefusedUndoneAndJudgedOfflineInFrench() {
        walkThrough("fr");
    }

    private void walkThrough(String language) {
        Map<String, String> says = SAYS.get(language);
        page.open(theatre.boxOffice, language, theatre.performanceId);
        assertEquals(language, browser.script("return document.documentElement.lang"));
        assertTrue(browser.script("return [...document.querySelectorAll('#lang option')].map(o => o.value).join(',')")
                .equals("fr,de,en,lb"), "the language selector offers Lëtzebuergesch");
        assertEquals(says.get("ready"), page.shown().verdict());
        PageLanguage.assertSpeaksItsLanguage(browser);

        String card = ScannerVenue.card();
        ScannerPage.Shown admitted = page.wedge(card);
        assertTrue(admitted.admitted(), admitted.toString());
        assertEquals(says.get("admit"), admitted.verdict());
        assertEquals(says.get("valid"), admitted.reasonText().replace('’', '\''));
        PageLanguage.assertSpeaksItsLanguage(browser);

        ScannerPage.Shown again = page.wedge(card);
        assertEquals("ALREADY_ADMITTED", again.reason());
        assertEquals(says.get("refuse"), again.verdict());
        assertEquals(says.get("again"), again.reasonText());
        PageLanguage.assertSpeaksItsLanguage(browser);

        page.wedge(ScannerVenue.card());
        browser.visible(By.id("undo")).click();
        browser.await().until(d -> "UNDONE".equals(browser.script("return document.getElementById('answer').dataset.reason")));
        assertEquals(says.get("undone"), page.shown().verdict());
        PageLanguage.assertSpeaksItsLanguage(browser);

        browser.visible(By.id("offline-switch")).click();
        browser.visible(By.id("mode-banner"));
        PageLanguage.assertSpeaksItsLanguage(browser);
        ChromiumNetworkConditions none = new ChromiumNetworkConditions();
        none.setOffline(true);
        browser.driver().setNetworkConditions(none);
        try {
            ScannerPage.Shown expired = page.wedge(ScannerVenue.expiredCard());
            assertEquals("EXPIRED", expired.reason());
            assertEquals(says.get("refuse"), expired.verdict());
            assertEquals(says.get("expired"), expired.reasonText().replace('’', '\''));
            assertEquals(says.get("refusedOffline"), expired.offlineTag());
            PageLanguage.assertSpeaksItsLanguage(browser);
        } finally {
            browser.driver().deleteNetworkConditions();
        }
        browser.visible(By.id("offline-switch")).click();
        browser.await().until(d -> browser.script("return document.getElementById('sync-result').dataset.sent || null") != null);
        PageLanguage.assertSpeaksItsLanguage(browser);
        page.screenshot("walk-through-" + language);
    }
}
