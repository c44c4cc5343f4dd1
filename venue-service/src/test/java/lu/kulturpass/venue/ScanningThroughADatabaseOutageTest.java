package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.testing.DatabaseOutage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Scans while venue-service's database is unreachable (its own test database: new connections refused, open ones
 * ended, as in a PostgreSQL restart): the service answers 503 with Retry-After, never 500, and the scanner page tries
 * again by itself with the same nonce, so the door gets its answer, counted once.
 */
@QuarkusTest
class ScanningThroughADatabaseOutageTest extends ScannerBrowserTest {

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String scanBody(String card, String nonce) {
        return "{\"token\":\"" + card + "\",\"nonce\":\"" + nonce + "\",\"device\":\"door-1\",\"performanceId\":\""
                + theatre.performanceId + "\"}";
    }

    @Test
    void aScanThatCannotReachTheDatabaseAnswers503WithRetryAfterAndTheSameNonceLaterIsAdmittedOnce() {
        String card = ScannerVenue.card();
        String nonce = UUID.randomUUID().toString();
        try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl())) {
            given().auth().oauth2(theatre.boxOffice).contentType(ContentType.JSON).body(scanBody(card, nonce))
                    .when().post("/admissions")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                    .body("status", equalTo(503)).body("detail", containsString("try again"));
        }
        JsonPath first = given().auth().oauth2(theatre.boxOffice).contentType(ContentType.JSON).body(scanBody(card, nonce))
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
        assertTrue(first.getBoolean("admitted"), first.prettify());
        JsonPath again = given().auth().oauth2(theatre.boxOffice).contentType(ContentType.JSON).body(scanBody(card, nonce))
                .when().post("/admissions").then().statusCode(200).extract().jsonPath();
        assertEquals(first.getString("admissionId"), again.getString("admissionId"), "the same nonce is the same admission");
    }

    @Test
    void theScannerPageTriesA503AgainWithTheSameNonceAndTheDoorSeesTheAnswer() {
        page.open(theatre.boxOffice, "en", theatre.performanceId);
        String card = ScannerVenue.card();
        DatabaseOutage outage = DatabaseOutage.of(jdbcUrl());
        // longer than the service's own retries (about 2.5 s), so the page gets at least one 503 and must try again itself
        CompletableFuture<Void> over = CompletableFuture.runAsync(outage::end, CompletableFuture.delayedExecutor(6, TimeUnit.SECONDS));
        try {
            ScannerPage.Shown answer = page.wedge(card);
            assertTrue(answer.admitted(), "the door sees the answer, not an error: " + answer);
            assertEquals("VALID", answer.reason());
        } finally {
            over.join();
            outage.end();
        }
        JsonPath recent = given().auth().oauth2(theatre.boxOffice).when().get("/admissions/recent?limit=50")
                .then().statusCode(200).extract().jsonPath();
        String passNumber = ScannerVenue.passNumber(card);
        assertEquals(1, recent.getList("findAll { it.passNumber == '" + passNumber + "' }").size(), "counted once: " + recent.prettify());
    }
}
