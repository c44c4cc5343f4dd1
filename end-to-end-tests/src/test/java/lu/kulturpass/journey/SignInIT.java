package lu.kulturpass.journey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import lu.kulturpass.testing.HeadlessChromium;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestKeycloak;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff sign in on the three pages through a real Keycloak (the realm file production imports, access tokens
 * of a few seconds), with the three packaged services in hybrid mode: the page's session is the service's
 * cookie, bearer tokens are Keycloak's. The Keycloak and services are the run's {@link SignInStack}, shared with AccountsIT.
 */
class SignInIT {

    private static final Duration TOKEN_LIFETIME = SignInStack.TOKEN_LIFETIME;
    private static final String PASSWORD = SignInStack.PASSWORD;

    private static SignInStack stack;
    private static TestKeycloak keycloak;
    private static ServiceProcess passService;
    private static ServiceProcess eligibilityService;
    private static ServiceProcess venueService;
    private static String agencyId;
    private static String venueId;

    private HeadlessChromium browser;

    @BeforeAll
    static void startKeycloakAndTheServices() {
        stack = SignInStack.get();
        keycloak = stack.keycloak;
        passService = stack.passService;
        eligibilityService = stack.eligibilityService;
        venueService = stack.venueService;
        agencyId = stack.agencyId;
        venueId = stack.venueId;
    }

    @BeforeEach
    void freshBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aBoxOfficeCashierSignsInOnTheScannerPageSeesTheirVenueAndSignsOut() {
        String cashier = newUser("box-office", venueId);
        awaitKnown(venueService.url() + "/venues/mine", keycloak.token(cashier, PASSWORD));

        signIn(venueService.url() + "/scanner/", cashier, PASSWORD);
        browser.await().until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
        assertTrue(text("who").contains(cashier), text("who"));
        assertTrue(browser.visible(By.tagName("body")).getText().contains("Grande salle"), "the venue, read with the session");
        browser.assertAccessible("the scanner page signed in through Keycloak");
        assertEquals(java.util.List.of(), browser.tokensInStorage());
        assertTrue(!browser.driver().getCurrentUrl().contains("token") && !browser.driver().getCurrentUrl().contains("code="),
                browser.driver().getCurrentUrl());

        browser.visible(By.id("sign-out")).click();
        browser.visible(By.id("signin-button"));
        browser.assertAccessible("the scanner page after signing out");
        assertTrue(browser.driver().getCurrentUrl().startsWith(venueService.url() + "/scanner/"), browser.driver().getCurrentUrl());
    }

    @Test
    void aManagerPairsADoorDeviceThatWorksAloneAndACashierSignsInOnIt() {
        String manager = newUser("venue-manager", venueId);
        awaitKnown(venueService.url() + "/venues/mine", keycloak.token(manager, PASSWORD));
        signIn(venueService.url() + "/venue/", manager, PASSWORD);
        browser.await().until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
        browser.visible(By.id("device-name")).sendKeys("Door tablet");
        browser.visible(By.id("add-device")).click();
        String address = text("setup-address");
        assertTrue(address.startsWith(venueService.url() + "/scanner/#pair="), address);
        assertEquals(java.util.List.of(), browser.tokensInStorage());

        HeadlessChromium device = HeadlessChromium.start(); // the shared tablet: a browser of its own, nobody signed in
        try {
            device.open(address);
            device.await().until(d -> "true".equals(device.script("return document.body.dataset.ready || ''")));
            String banner = device.visible(By.id("device-banner")).getText();
            assertTrue(banner.contains("Grande salle") && banner.contains("Door tablet"), banner);
            assertEquals(venueService.url() + "/scanner/", device.driver().getCurrentUrl(), "the setup code left the address");
            assertTrue(device.visible(By.id("who")).getText().contains("Door tablet"), "the device alone is its venue's box office");

            String cashier = newUser("box-office", venueId);
            device.visible(By.id("person-sign-in")).click();
            device.visible(By.id("username")).sendKeys(cashier);
            device.visible(By.id("password")).sendKeys(PASSWORD);
            device.visible(By.id("kc-login")).click();
            device.await().until(d -> "true".equals(device.script("return document.body.dataset.ready || ''")));
            assertTrue(device.visible(By.id("who")).getText().contains(cashier), "the person signed in on the device is the caller");
            @SuppressWarnings("unchecked")
            Map<String, Object> current = (Map<String, Object>) device.driver().executeAsyncScript("const done = arguments[0];"
                    + " fetch('/devices/current', { headers: { 'X-Requested-With': 'JavaScript' } }).then((r) => r.json()).then(done);");
            assertEquals(Boolean.TRUE, current.get("personSignedIn"), "and the device is still paired: " + current);
            assertEquals("Door tablet", current.get("name"));
        } finally {
            device.close();
        }
    }

    @Test
    void anAgencyWorkerSignsInApprovesAHouseholdAndTheirSessionIsRenewedQuietlyAfterTheAccessTokenExpired() throws Exception {
        String worker = newUser("agency-staff", agencyId);
        awaitKnown(eligibilityService.url() + "/agencies/mine", keycloak.token(worker, PASSWORD));

        signIn(eligibilityService.url() + "/agency/", worker, PASSWORD);
        browser.await().until(d -> text("who").contains(worker));
        browser.await().until(d -> browser.visible(By.tagName("body")).getText().contains("Office social (sign-in test)"));

        Thread.sleep(TOKEN_LIFETIME.plusSeconds(3).toMillis());
        // enrol and approve with the session only: eligibility-service asks pass-service to issue with the worker's own
        // access token, refreshed by then
        browser.open(eligibilityService.url() + "/agency/#/enrol");
        browser.await().until(d -> text("who").contains(worker));
        assertTrue(browser.driver().findElements(By.id("signin-button")).stream().noneMatch(b -> b.isDisplayed()),
                "the session was renewed with the refresh token, not ended");
        new Select(browser.visible(By.id("situation"))).selectByValue("SINGLE_ADULT");
        WebElement member = browser.visible(By.cssSelector(".member-fields"));
        member.findElement(By.name("firstName")).sendKeys("Ana");
        member.findElement(By.name("lastName")).sendKeys("Signin" + worker.substring(worker.lastIndexOf('.') + 1));
        browser.script("arguments[0].value = arguments[1];", member.findElement(By.name("birthDate")), "1990-04-12");
        browser.visible(By.id("enrol-submit")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-criterion")));
        new Select(browser.visible(By.id("decision-criterion"))).selectByValue("AVC_ENERGY_BONUS");
        browser.visible(By.id("decision-kind")).sendKeys("FNS decision");
        browser.visible(By.id("decision-issuer")).sendKeys("FNS");
        browser.visible(By.id("decision-number")).sendKeys("AVC-SIGNIN");
        browser.script("arguments[0].value = arguments[1];", browser.visible(By.id("decision-date")),
                LocalDate.now(ZoneOffset.UTC).minusDays(5).toString());
        browser.visible(By.id("approve")).click();
        browser.visible(By.cssSelector(".pass-number"));
        browser.assertAccessible("the agency page after an approval through Keycloak");
    }

    @Test
    void aDisabledAccountLosesAccessWithinTheAccessTokenLifetime() throws Exception {
        String worker = newUser("agency-staff", agencyId);
        String userId = keycloak.userId(worker);
        String bearer = keycloak.token(worker, PASSWORD);
        awaitKnown(eligibilityService.url() + "/agencies/mine", bearer);
        signIn(eligibilityService.url() + "/agency/", worker, PASSWORD);
        browser.await().until(d -> text("who").contains(worker));

        keycloak.disable(userId);
        Thread.sleep(TOKEN_LIFETIME.plusSeconds(3).toMillis());

        given().auth().oauth2(bearer).get(eligibilityService.url() + "/agencies/mine").then().statusCode(401);
        browser.open(eligibilityService.url() + "/agency/");
        browser.visible(By.id("signin-button"));
        assertTrue(browser.driver().findElements(By.id("who")).stream().noneMatch(w -> w.getText().contains(worker)));
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        String cashier = newUser("box-office", venueId);
        signIn(venueService.url() + "/scanner/", cashier, "not-the-password-at-all");
        assertTrue(browser.driver().getCurrentUrl().startsWith(keycloak.realmUrl()), browser.driver().getCurrentUrl());
        browser.visible(By.id("input-error-username"));
        browser.visible(By.id("password"));
    }

    @Test
    void programmeStaffCannotFinishSigningInWithoutAOneTimePassword() {
        String officer = newUser("programme-staff", null);
        signIn(passService.url() + "/audit/", officer, PASSWORD);
        // Keycloak asks them to set up an authenticator app before it lets them in
        browser.visible(By.id("totp"));
        assertTrue(browser.driver().getCurrentUrl().startsWith(keycloak.realmUrl()), browser.driver().getCurrentUrl());
        // the audit page, opened again, still asks to sign in: the service holds no session for them
        browser.open(passService.url() + "/audit/");
        browser.visible(By.id("signin-button"));
    }

    @Test
    void programmeStaffSignInWithAnAuthenticatorAppAndReadThePartnersOnTheAuditPage() throws Exception {
        String officer = newUser("programme-staff", null);
        signIn(passService.url() + "/audit/", officer, PASSWORD);
        setUpAuthenticatorApp();
        browser.await().until(d -> text("who").contains(officer));
        browser.await().until(d -> browser.visible(By.tagName("body")).getText().contains("Théâtre (sign-in test)"));
        browser.assertAccessible("the audit page signed in through Keycloak");
        assertEquals(java.util.List.of(), browser.tokensInStorage());
    }

    @Test
    void anOperatorGetsATokenForTheRunbookBySigningInInABrowserWithTheirOneTimePassword() throws Exception {
        String officer = newUser("programme-staff", null);
        Process script = new ProcessBuilder("../deploy/operator-token", keycloak.realmUrl()).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(script.getErrorStream(), StandardCharsets.UTF_8));
            String first = said.readLine();
            assertTrue(first != null && first.startsWith("Open http"), "the script shows where to sign in: " + first);
            browser.open(first.substring("Open ".length(), first.indexOf(" in a browser")));
            browser.visible(By.id("username")).sendKeys(officer);
            browser.visible(By.id("password")).sendKeys(PASSWORD);
            browser.visible(By.id("kc-login")).click();
            setUpAuthenticatorApp();
            // Keycloak may ask the person to grant the device access to their account
            browser.await().until(d -> !d.findElements(By.name("accept")).isEmpty() || !script.isAlive());
            if (script.isAlive()) {
                browser.visible(By.name("accept")).click();
            }
            assertTrue(script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS),
                    "the script ends once the operator signed in; the browser shows: " + text(By.tagName("body")));
            assertEquals(0, script.exitValue());
            String token = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            given().auth().oauth2(token).when().get(passService.url() + "/partners").then().statusCode(200);
        } finally {
            script.destroyForcibly();
        }
    }

    @Test
    void anAccountOfAnotherRoleSeesWhatItIsForInsteadOfTheAuditPage() {
        String cashier = newUser("box-office", venueId);
        signIn(passService.url() + "/audit/", cashier, PASSWORD);
        browser.visible(By.id("signin-message"));
        assertTrue(text("signin").toLowerCase().contains("box office"), text("signin"));
        browser.assertAccessible("the audit page telling a box office it is not for it");
    }

    @Test
    void withTracingOffByDefaultNoServiceLogsAboutSendingTraces() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {passService, eligibilityService, venueService}) {
            String log = java.nio.file.Files.readString(service.log());
            org.junit.jupiter.api.Assertions.assertFalse(log.matches("(?is).*(otlp|4317|span ?export).*"),
                    service.log() + " speaks of a trace exporter although tracing is off");
        }
    }

    /** Sets up the authenticator app as Keycloak asks at a first sign-in, with the secret it shows, and gives the current code. */
    private void setUpAuthenticatorApp() throws Exception {
        WebElement field = browser.visible(By.id("totp"));
        String secret = browser.driver().findElement(By.id("totpSecret")).getDomAttribute("value");
        String code = new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(   // what the app shows
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"), Instant.now());
        field.sendKeys(code);
        browser.visible(By.id("userLabel")).sendKeys("phone");
        browser.visible(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
    }

    /** Opens the page, follows its sign-in button to Keycloak, and signs in there with a name and password. */
    private void signIn(String page, String username, String password) {
        browser.open(page);
        browser.visible(By.id("signin-button")).click();
        browser.visible(By.id("username")).sendKeys(username);
        browser.visible(By.id("password")).sendKeys(password);
        browser.visible(By.id("kc-login")).click();
    }

    private String text(String id) {
        return text(By.id(id));
    }

    private String text(By what) {
        return browser.visible(what).getText();
    }

    private static String newUser(String role, String partnerId) {
        return stack.newUser(role, partnerId);
    }

    /** Waits until the service learned the caller's partner from the partner topic. */
    private static void awaitKnown(String url, String bearer) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(bearer).get(url).statusCode() == 200);
    }
}
