package lu.kulturpass.journey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lu.kulturpass.testing.HeadlessChromium;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Staff accounts managed where the work is, against the real Keycloak of the run's {@link SignInStack} (its admin API,
 * the service account kulturpass-accounts, access tokens of a few seconds): programme staff invite through pass-service's
 * API, a venue manager and an agency's lead worker only within their own organisation, the invited person chooses their
 * own password at the first sign-in, a disabled account loses access within the token's lifetime, and pass-service keeps
 * the record of every change (through Kafka).
 */
class AccountsIT {

    private static SignInStack stack;
    private final List<HeadlessChromium> browsers = new java.util.ArrayList<>();

    @BeforeAll
    static void theSharedSignInStack() {
        stack = SignInStack.get();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessChromium::close);
    }

    @Test
    void programmeStaffInviteABoxOfficeCashierWhoChoosesTheirOwnPasswordAtFirstSignInAndScansForTheirVenue() {
        String username = "cashier.invited";
        JsonPath invited = invite(stack.programmeToken(), stack.passService.url(),
                Map.of("username", username, "firstName", "Carla", "lastName", "Cashier", "email", "carla@test.kulturpass.lu",
                        "role", "box-office", "partnerId", stack.venueId)).statusCode(201).extract().jsonPath();
        String temporary = invited.getString("temporaryPassword");
        assertTrue(temporary.length() >= 12, temporary);
        assertEquals(List.of("box-office"), invited.getList("account.roles"));
        assertEquals(stack.venueId, invited.getString("account.partnerId"));

        // with the one-time password, Keycloak lets them in only once they chose their own
        HeadlessChromium browser = browser();
        String chosen = "my-own-cashier-password-7";
        signInChoosingOwnPassword(browser, stack.venueService.url() + "/scanner/", username, temporary, chosen);
        browser.await().until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
        assertTrue(browser.visible(By.id("who")).getText().contains("Carla"), browser.visible(By.id("who")).getText());
        assertTrue(browser.visible(By.tagName("body")).getText().contains("Grande salle"), "the venue, read with the session");

        // and works with a token of their own password; the one-time password no longer signs in
        given().auth().oauth2(stack.keycloak.token(username, chosen)).get(stack.venueService.url() + "/venues/mine").then().statusCode(200);
        given().formParam("grant_type", "password").formParam("client_id", "kulturpass-cli").formParam("username", username)
                .formParam("password", temporary).post(stack.keycloak.realmUrl() + "/protocol/openid-connect/token").then().statusCode(401);

        // the same user name again: 409
        invite(stack.programmeToken(), stack.passService.url(), Map.of("username", username, "firstName", "Carla", "lastName", "Again",
                "email", "carla2@test.kulturpass.lu", "role", "box-office", "partnerId", stack.venueId)).statusCode(409);

        Map<String, Object> change = awaitChange(username, "INVITED");
        assertEquals(SignInStack.PROGRAMME_USER, change.get("actorUsername"));
        assertEquals("programme-staff", change.get("actorRole"));
        assertEquals("box-office", change.get("role"));
        assertEquals(stack.venueId, change.get("partnerId"));
        assertEquals(stack.keycloak.userId(username), change.get("accountId"));
        assertTrue(OffsetDateTime.parse((String) change.get("at")).isAfter(OffsetDateTime.now().minusMinutes(5)));
    }

    @Test
    void aVenueManagerInvitesBoxOfficeStaffForTheirOwnVenueButNotForAnotherNorAnotherManager() {
        String otherVenue = stack.registerTheatre("Cinéma (accounts test)").getString("venues[0].id");
        String manager = stack.newUser("venue-manager", stack.venueId);
        // access tokens live 10 s here and the test takes longer on a busy machine: sign in again for each call
        java.util.function.Supplier<String> signedIn = () -> stack.keycloak.token(manager, SignInStack.PASSWORD);
        String pass = stack.passService.url();

        invite(signedIn.get(), pass, person("door.other", "box-office", otherVenue)).statusCode(403).contentType("application/problem+json");
        invite(signedIn.get(), pass, person("manager.two", "venue-manager", null)).statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("box-office accounts of their own venue"));
        invite(signedIn.get(), pass, person("door.mine", "box-office", null)).statusCode(201).body("account.partnerId", org.hamcrest.Matchers.equalTo(stack.venueId));

        String foreignCashier = stack.newUser("box-office", otherVenue);
        given().auth().oauth2(signedIn.get()).post(pass + "/accounts/" + stack.keycloak.userId(foreignCashier) + "/disable")
                .then().statusCode(403).contentType("application/problem+json");
        List<String> listed = given().auth().oauth2(signedIn.get()).get(pass + "/accounts").then().statusCode(200).extract().jsonPath().getList("username");
        assertTrue(listed.contains("door.mine") && !listed.contains(foreignCashier) && !listed.contains(manager), listed.toString());
        assertTrue(given().auth().oauth2(stack.keycloak.token(foreignCashier, SignInStack.PASSWORD))
                .get(stack.venueService.url() + "/me").statusCode() == 200, "the other venue's cashier was left as they were");
        awaitChange("door.mine", "INVITED");

        // the venue page's own service manages the box office's accounts too: its venues come from the partner topic
        String venue = stack.venueService.url();
        invite(signedIn.get(), venue, person("door.venuepage", "box-office", null)).statusCode(201)
                .body("account.partnerId", org.hamcrest.Matchers.equalTo(stack.venueId));
        invite(signedIn.get(), venue, person("door.elsewhere", "box-office", otherVenue)).statusCode(403).contentType("application/problem+json");
        awaitChange("door.venuepage", "INVITED");
    }

    @Test
    void anAgencyLeadInvitesAWorkerOnTheAgencyPageAndDisablesThemAndTheWorkerLosesAccessWithinTheTokenLifetime() throws Exception {
        // programme staff make the agency's lead worker
        JsonPath lead = invite(stack.programmeToken(), stack.passService.url(), Map.of("username", "lead.agency", "firstName", "Lea",
                "lastName", "Lead", "email", "lea@test.kulturpass.lu", "role", "agency-staff", "lead", true, "partnerId", stack.agencyId))
                .statusCode(201).extract().jsonPath();
        assertEquals(List.of("agency-staff", "agency-lead"), lead.getList("account.roles"));

        // the lead signs in on the agency page, sees the Accounts tab, and invites a worker there
        HeadlessChromium leadBrowser = browser();
        signInChoosingOwnPassword(leadBrowser, stack.eligibilityService.url() + "/agency/", "lead.agency",
                lead.getString("temporaryPassword"), "the-lead-own-password-1");
        leadBrowser.visible(By.id("tab-accounts")).click();
        leadBrowser.visible(By.id("invite-form"));
        leadBrowser.visible(By.id("invite-username")).sendKeys("worker.new");
        leadBrowser.visible(By.id("invite-first-name")).sendKeys("Willi");
        leadBrowser.visible(By.id("invite-last-name")).sendKeys("Worker");
        leadBrowser.visible(By.id("invite-email")).sendKeys("willi@test.kulturpass.lu");
        leadBrowser.visible(By.id("invite-submit")).click();
        String temporary = leadBrowser.visible(By.id("invited-password")).getText();
        assertTrue(leadBrowser.visible(By.id("invited")).getText().contains("Willi"));
        leadBrowser.visible(By.cssSelector("tr[data-account='worker.new']"));

        // the worker signs in with it and chooses their own password; their bearer token works
        HeadlessChromium workerBrowser = browser();
        signInChoosingOwnPassword(workerBrowser, stack.eligibilityService.url() + "/agency/", "worker.new", temporary, "the-worker-own-password-1");
        workerBrowser.await().until(d -> workerBrowser.visible(By.id("who")).getText().contains("Willi"));
        assertTrue(workerBrowser.driver().findElements(By.id("tab-accounts")).stream().noneMatch(WebElement::isDisplayed),
                "a worker without the lead role sees no Accounts tab");
        String workerToken = stack.keycloak.token("worker.new", "the-worker-own-password-1");
        given().auth().oauth2(workerToken).get(stack.eligibilityService.url() + "/agencies/mine").then().statusCode(200);
        // a worker is no lead: they cannot disable anyone
        given().auth().oauth2(workerToken).post(stack.eligibilityService.url() + "/accounts/" + stack.keycloak.userId("lead.agency") + "/disable")
                .then().statusCode(403);

        // the lead disables the worker on the page
        leadBrowser.script("window.confirm = () => true;");
        leadBrowser.visible(By.cssSelector("tr[data-account='worker.new'] button[data-action='disable']")).click();
        leadBrowser.await().until(d -> leadBrowser.visible(By.id("accounts-message")).getText().contains("worker.new"));
        leadBrowser.visible(By.cssSelector("tr[data-account='worker.new'] button[data-action='enable']"));
        leadBrowser.assertAccessible("the agency page's accounts tab after disabling a worker");
        // nor can the lead disable themselves, nor another agency's lead
        String leadToken = stack.keycloak.token("lead.agency", "the-lead-own-password-1");
        given().auth().oauth2(leadToken).post(stack.eligibilityService.url() + "/accounts/" + stack.keycloak.userId("lead.agency") + "/disable")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("your own account"));

        Thread.sleep(SignInStack.TOKEN_LIFETIME.plusSeconds(3).toMillis());
        given().auth().oauth2(workerToken).get(stack.eligibilityService.url() + "/agencies/mine").then().statusCode(401);
        workerBrowser.open(stack.eligibilityService.url() + "/agency/");
        workerBrowser.visible(By.id("signin-button"));

        // the record: who did what, when
        Map<String, Object> leadInvited = awaitChange("lead.agency", "INVITED");
        assertEquals("agency-lead", leadInvited.get("role"));
        Map<String, Object> workerInvited = awaitChange("worker.new", "INVITED");
        assertEquals("lead.agency", workerInvited.get("actorUsername"));
        assertEquals("agency-lead", workerInvited.get("actorRole"));
        assertEquals(stack.agencyId, workerInvited.get("partnerId"));
        Map<String, Object> disabled = awaitChange("worker.new", "DISABLED");
        assertEquals(stack.keycloak.userId("lead.agency"), disabled.get("actorId"));
        // the lead reads their own agency's record (with a fresh token: the first one has expired by now)
        leadToken = stack.keycloak.token("lead.agency", "the-lead-own-password-1");
        List<String> own = given().auth().oauth2(leadToken).get(stack.passService.url() + "/accounts/changes").then().statusCode(200)
                .extract().jsonPath().getList("username");
        assertTrue(own.contains("worker.new"), own.toString());
    }

    @Test
    void programmeStaffInviteOnTheAuditPagesAccountsTabAndReadWhoDidWhatWhenThereOnAPhone() throws Exception {
        String manager = stack.newUser("venue-manager", stack.venueId);
        String officer = stack.newUser("programme-staff", null);
        HeadlessChromium browser = browser();
        browser.phone(390, 844);
        browser.open(stack.passService.url() + "/audit/#/accounts");
        browser.visible(By.id("signin-button")).click();
        browser.visible(By.id("username")).sendKeys(officer);
        browser.visible(By.id("password")).sendKeys(SignInStack.PASSWORD);
        browser.visible(By.id("kc-login")).click();
        // programme staff set up their authenticator app, as Keycloak asks (SignInIT)
        String secret = browser.driver().findElement(By.id("totpSecret")).getDomAttribute("value");
        String code = new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"), java.time.Instant.now());
        browser.visible(By.id("totp")).sendKeys(code);
        browser.visible(By.id("userLabel")).sendKeys("phone");
        browser.visible(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();

        browser.await().until(d -> "true".equals(browser.script("return (document.getElementById('accounts') || {dataset: {}}).dataset.ready || ''")));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("accounts-partner"))).selectByValue(stack.venueId);
        browser.await().until(d -> stack.venueId.equals(browser.script("return document.getElementById('accounts').dataset.partner")));
        browser.visible(By.cssSelector("tr[data-account='" + manager + "']"));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("invite-role"))).selectByValue("box-office");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("invite-partner"))).selectByValue(stack.venueId);
        browser.visible(By.id("invite-username")).sendKeys("door.audit");
        browser.visible(By.id("invite-first-name")).sendKeys("Dora");
        browser.visible(By.id("invite-last-name")).sendKeys("Door");
        browser.visible(By.id("invite-email")).sendKeys("dora@test.kulturpass.lu");
        browser.visible(By.id("invite-submit")).click();
        assertTrue(browser.visible(By.id("invited-password")).getText().length() >= 12);
        browser.assertAccessible("the audit page's accounts tab on a phone after an invitation");
        assertTrue(!browser.scrollsSideways(), "no sideways scrolling at phone width");

        // the change arrives through Kafka: the tab, loaded again, lists who did what, when
        Map<String, Object> change = awaitChange("door.audit", "INVITED");
        assertEquals(officer, change.get("actorUsername"));
        browser.driver().navigate().refresh();
        browser.await().until(d -> "true".equals(browser.script("return (document.getElementById('accounts') || {dataset: {}}).dataset.ready || ''")));
        WebElement row = browser.visible(By.cssSelector("#accounts-changes tr[data-account='door.audit'][data-change='INVITED']"));
        assertTrue(row.getText().contains(officer), row.getText());
        assertEquals(List.of(), browser.tokensInStorage());
    }

    private HeadlessChromium browser() {
        HeadlessChromium browser = HeadlessChromium.start();
        browsers.add(browser);
        return browser;
    }

    private static Map<String, Object> person(String username, String role, String partnerId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "firstName", "Test", "lastName", "Person",
                "email", username + "@test.kulturpass.lu", "role", role));
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse invite(String token, String service, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(service + "/accounts").then();
    }

    /** Opens the page, signs in at Keycloak with the one-time password, and chooses a new one on Keycloak's page. */
    private static void signInChoosingOwnPassword(HeadlessChromium browser, String page, String username, String temporary, String chosen) {
        browser.open(page);
        browser.visible(By.id("signin-button")).click();
        browser.visible(By.id("username")).sendKeys(username);
        browser.visible(By.id("password")).sendKeys(temporary);
        browser.visible(By.id("kc-login")).click();
        browser.visible(By.id("password-new")).sendKeys(chosen);
        browser.visible(By.id("password-confirm")).sendKeys(chosen);
        browser.visible(By.id("kc-submit")).click();
        browser.await().until(d -> d.getCurrentUrl().startsWith(page));
    }

    /** The change of this account with this action in pass-service's record, once it arrived through Kafka. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitChange(String username, String action) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> changes = given().auth().oauth2(stack.programmeToken()).get(stack.passService.url() + "/accounts/changes")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            return changes.stream().filter(c -> username.equals(c.get("username")) && action.equals(c.get("action"))).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }
}
