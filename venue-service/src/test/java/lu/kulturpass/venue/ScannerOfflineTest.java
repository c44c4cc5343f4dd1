package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The offline switch in headless Chromium with the network cut (DevTools network emulation): cards decided
 * on the device with the offline kit, the queue kept across a reload, and the sync when back online, where
 * venue-service flags the card another door had admitted meanwhile.
 */
@QuarkusTest
class ScannerOfflineTest extends ScannerBrowserTest {


    private void cutTheNetwork() {
        ChromiumNetworkConditions none = new ChromiumNetworkConditions();
        none.setOffline(true);
        browser.driver().setNetworkConditions(none);
    }

    private void restoreTheNetwork() {
        browser.driver().deleteNetworkConditions();
    }

    private JsonPath scanAtAnotherDoor(String card) {
        return given().auth().oauth2(theatre.boxOffice).contentType(ContentType.JSON)
                .body("{\"token\":\"" + card + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-2\","
                        + "\"performanceId\":\"" + theatre.performanceId + "\"}")
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
    }

    private int queued() {
        Long length = browser.script("return JSON.parse(localStorage.getItem('kulturpass.scanner.queue') || '[]').length");
        return length.intValue();
    }

    @Test
    void withoutNetworkAnOnlineScanSaysTheServerDidNotAnswerAndTheSameCardScannedAgainLaterIsAdmitted() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        String card = ScannerVenue.card();
        cutTheNetwork();
        ScannerPage.Shown noAnswer;
        try {
            noAnswer = page.wedge(card);
        } finally {
            restoreTheNetwork();
        }
        assertEquals("PROBLEM", noAnswer.reason());
        assertTrue(noAnswer.reasonText().startsWith("No answer from the server"), noAnswer.reasonText());
        assertTrue(page.wedge(card).admitted());
    }

    @Test
    void thePageReopensWithoutNetworkFromTheFilesItsServiceWorkerKept() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        page.serviceWorkerControlsIt();
        cutTheNetwork();
        try {
            page.reload();
            assertTrue(browser.visible(By.id("scan")).isDisplayed());
            assertEquals("function", browser.script("return typeof window.ZXing.QRCodeReader"), "the camera decoder is kept too");
        } finally {
            restoreTheNetwork();
        }
    }

    @Test
    void withoutNetworkTheSwitchCannotGoOfflineBecauseTheKitCannotBeLoaded() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        cutTheNetwork();
        try {
            ScannerPage.Shown refused = page.answerTo(() -> browser.visible(By.id("offline-switch")).click());
            assertTrue(refused.reasonText().startsWith("Cannot go offline"), refused.reasonText());
            assertFalse(browser.driver().findElement(By.id("offline-switch")).isSelected());
        } finally {
            restoreTheNetwork();
        }
    }

    @Test
    void offlineTheDeviceNeedsAPerformanceAtATheatreAndAdmitsNoMoreThanThePlacesLeftWhenTheKitWasLoaded() {
        String lastPlace = Door.performance(theatre.venueId, 1);
        page.open(theatre.boxOffice, "en", lastPlace);
        browser.visible(By.id("offline-switch")).click();
        browser.visible(By.id("mode-banner"));
        cutTheNetwork();
        try {
            assertTrue(page.wedge(ScannerVenue.card()).admitted(), "the last place");
            assertEquals("SOLD_OUT", page.wedge(ScannerVenue.card()).reason());
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("performance"))).selectByValue("");
            assertEquals("PERFORMANCE_REQUIRED", page.wedge(ScannerVenue.card()).reason());
        } finally {
            restoreTheNetwork();
        }
        browser.visible(By.id("offline-switch")).click();
        browser.await().until(d -> browser.script("return document.getElementById('sync-result').dataset.sent || null") != null);
        assertEquals("0", browser.script("return document.getElementById('sync-result').dataset.doubleUses"));
    }

    @Test
    void offlineScansAreDecidedOnTheDeviceKeptAcrossAReloadAndSyncedWithTheDoubleUseFlagged() {
        String withdrawn = ScannerVenue.card();
        ScannerVenue.revoked(withdrawn);
        long withdrawnId = ScannerVenue.passId(withdrawn);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .auth().oauth2(theatre.boxOffice).when().get("/offline-kit").then().extract().jsonPath()
                .getList("revokedPasses", Long.class).contains(withdrawnId));
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        page.serviceWorkerControlsIt();
        browser.visible(By.id("offline-switch")).click();
        browser.visible(By.id("mode-banner"));
        String card = ScannerVenue.card();
        String usedAtAnotherDoor = ScannerVenue.card();
        String valid = ScannerVenue.card();
        String altered = valid.substring(0, 30) + (valid.charAt(30) == 'A' ? 'B' : 'A') + valid.substring(31);
        cutTheNetwork();
        try {
            assertTrue(scanAtAnotherDoor(usedAtAnotherDoor).getBoolean("admitted"), "another door, online, admits this card first");
            ScannerPage.Shown first = page.wedge(card);
            assertTrue(first.admitted() && first.state().contains("offline"), first.toString());
            assertEquals("admitted offline", first.offlineTag());
            assertEquals("Charge €1.50", first.price().replace('\u00a0', ' ').replace('\u202f', ' '));
            assertEquals("MS", first.initials());
            assertEquals(ScannerVenue.passNumber(card), first.passNumber());
            ScannerPage.Shown again = page.wedge(card);
            assertEquals("ALREADY_ADMITTED", again.reason());
            assertEquals("FORGED", page.wedge(altered).reason());
            assertEquals("EXPIRED", page.wedge(ScannerVenue.expiredCard()).reason());
            assertEquals("REVOKED", page.wedge(withdrawn).reason(), "the kit's revocation list is checked offline");
            assertTrue(page.wedge(usedAtAnotherDoor).admitted(), "this device cannot know what the other door did");
            assertEquals(6, queued());
            page.screenshot("offline-queue");

            page.reload();
            assertEquals(6, queued(), "the queue survives a reload");
            assertTrue(browser.driver().findElement(By.id("offline-switch")).isSelected(), "still offline after the reload");
            assertEquals("waiting to be sent: 6", browser.visible(By.id("pending")).getText());
            assertEquals(6, browser.driver().findElements(By.cssSelector("#recent-list li.offline")).size());
        } finally {
            restoreTheNetwork();
        }
        browser.visible(By.id("offline-switch")).click();
        browser.await().until(d -> browser.script("return document.getElementById('sync-result').dataset.sent || null") != null);
        assertEquals("6", browser.script("return document.getElementById('sync-result').dataset.sent"));
        assertEquals("1", browser.script("return document.getElementById('sync-result').dataset.doubleUses"));
        assertEquals("Offline scans sent: 6. Double uses flagged by the server: 1.", browser.visible(By.id("sync-result")).getText());
        List<String> flagged = browser.script("return [...document.querySelectorAll('#recent-list li.double-use')].map(li => li.innerText)");
        assertEquals(1, flagged.size());
        assertTrue(flagged.get(0).contains(ScannerVenue.passNumber(usedAtAnotherDoor)) && flagged.get(0).contains("DOUBLE USE"), flagged.get(0));
        assertEquals(0, queued());
        page.screenshot("offline-synced");
        assertTrue(scanAtAnotherDoor(card).getString("reason").startsWith("ALREADY_ADMITTED"),
                "the server counts the admission made offline");
    }

    @Test
    void offlineScansQueuedWhenTheSessionEndedWaitForANewSignInAndAreSentAfterIt() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        browser.visible(By.id("offline-switch")).click();
        browser.visible(By.id("mode-banner"));
        String first = ScannerVenue.card();
        String second = ScannerVenue.card();
        cutTheNetwork();
        try {
            assertTrue(page.wedge(first).admitted());
            assertTrue(page.wedge(second).admitted());
        } finally {
            restoreTheNetwork();
        }
        assertEquals(2, queued());

        browser.sendBearerToken(null); // the session ended while the door was offline
        browser.visible(By.id("offline-switch")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("signin-message"), "Your session has ended. Sign in again to carry on."));
        assertEquals("2 scans waiting: sign in again to send them.", browser.visible(By.id("signin-note")).getText());
        assertEquals(2, queued(), "the refused sync keeps the scans on the device");
        assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
        page.screenshot("offline-session-ended");

        browser.sendBearerToken(theatre.boxOffice);
        browser.visible(By.id("signin-button")).click();
        browser.await().until(d -> "2".equals(browser.script("return document.getElementById('sync-result').dataset.sent || null")));
        assertEquals("Offline scans sent: 2.", browser.visible(By.id("sync-result")).getText());
        assertEquals(0, queued());
        assertEquals(List.of(), browser.tokensInStorage(), "the kit, queue and recent scans hold no staff token");
        assertTrue(scanAtAnotherDoor(first).getString("reason").startsWith("ALREADY_ADMITTED"), "the server counts the offline admission");
    }
}
