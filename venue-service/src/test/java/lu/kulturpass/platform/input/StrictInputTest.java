package lu.kulturpass.platform.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.venue.Door;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The input rules platform gives the three services (StrictJson, PlainText, ProgrammeDates, PlainParameters,
 * HttpLimits), seen through a venue manager scheduling a performance: each bad body or address is a 400 (413, 414)
 * in problem+json with a sentence naming the field, never the parser's words, and nothing is scheduled.
 */
@QuarkusTest
class StrictInputTest {

    @Inject
    ObjectMapper json;

    private String manager;
    private String venue;

    @BeforeEach
    void aVenueManager() {
        venue = Door.venueFor(this, "theatre");
        manager = BearerTokens.token(Roles.VENUE_MANAGER, venue);
    }

    private ValidatableResponse schedule(String body) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body(body).when().post("/performances")
                .then().contentType("application/problem+json");
    }

    private static String show(String fields) {
        return "{\"title\":\"Hamlet\",\"startsAt\":\"2030-03-14T20:00:00+01:00\"" + fields + "}";
    }

    @Test
    void aFieldGivenTwiceIsRefusedByName() {
        schedule(show(",\"placesOffered\":5,\"placesOffered\":6")).statusCode(400)
                .body("detail", equalTo("Field 'placesOffered' is given twice; give each field once"));
    }

    @Test
    void anythingAfterTheJsonValueIsRefused() {
        schedule(show(",\"placesOffered\":5") + " {}").statusCode(400).body("detail", containsString("after its JSON value"));
    }

    @Test
    void malformedJsonIsSaidWithItsPlaceNotTheParsersWords() {
        schedule("{\"title\":\"Hamlet\" \"placesOffered\":5}").statusCode(400)
                .body("detail", equalTo("The request body is not valid JSON (line 1, column 19): check its quotes, commas and brackets"));
    }

    @Test
    void nestingDeeperThanAnyRequestNeedsIsRefused() {
        assertThrows(StreamConstraintsException.class, () -> json.readTree("[".repeat(33) + "]".repeat(33)));
        assertDoesNotThrow(() -> json.readTree("[".repeat(32) + "]".repeat(32)));
        schedule("{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}").statusCode(400).body("detail", equalTo("Field 'title' must be text"));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        schedule(show(",\"placesOffered\":1.5")).statusCode(400).body("detail", equalTo("Field 'placesOffered' must be a whole number"));
    }

    @Test
    void aNumberIsNeitherTextNorADate() {
        schedule("{\"title\":12,\"startsAt\":\"2030-03-14T20:00:00+01:00\",\"placesOffered\":5}").statusCode(400)
                .body("detail", equalTo("Field 'title' must be text"));
        schedule("{\"title\":\"Hamlet\",\"startsAt\":20300314,\"placesOffered\":5}").statusCode(400)
                .body("detail", equalTo("Field 'startsAt' must be a date and time written as text, like 2026-03-14T20:00:00+01:00"));
    }

    @Test
    void aDateOutsideTheYearsTheProgrammeCanMeanIsRefusedWithTheRange() {
        schedule("{\"title\":\"Hamlet\",\"startsAt\":\"+999999999-12-31T20:00:00+01:00\",\"placesOffered\":5}").statusCode(400)
                .body("detail", equalTo("Field 'startsAt' must be a date between 1900-01-01 and 2199-12-31"));
    }

    @Test
    void aControlCharacterInTextIsRefusedAndNothingIsScheduled() {
        schedule("{\"title\":\"Ham\\u0000let\",\"startsAt\":\"2030-03-14T20:00:00+01:00\",\"placesOffered\":5}").statusCode(400)
                .body("detail", equalTo("Field 'title' must not hold control characters (such as NUL)"));
        given().auth().oauth2(manager).queryParam("from", "2030-03-01").queryParam("to", "2030-03-31").when().get("/performances")
                .then().statusCode(200).body("title", not(org.hamcrest.Matchers.hasItem(containsString("Ham"))));
    }

    @Test
    void aDateParameterOutsideTheYearsTheProgrammeCanMeanIsRefusedByName() {
        given().auth().oauth2(manager).urlEncodingEnabled(false).when().get("/performances?from=2030-03-01&to=%2B999999999-12-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The parameter 'to' must be a date between 1900-01-01 and 2199-12-31"));
        given().auth().oauth2(manager).when().get("/performances?from=yesterday")
                .then().statusCode(400).body("detail", equalTo("The parameter 'from' must be a date like 2026-03-14"));
    }

    @Test
    void aControlCharacterInAnAddressIsRefused() {
        given().auth().oauth2(manager).urlEncodingEnabled(false).when().get("/performances?from=2030-03-01%00&to=2030-03-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The parameter 'from' must not hold control characters (such as NUL)"));
    }

    @Test
    void anAddressLongerThanAnyRequestNeedsIsA414ProblemAndABodyOverTheLimitA413Problem() throws Exception {
        given().auth().oauth2(manager).when().get("/performances?from=" + "2".repeat(9000))
                .then().statusCode(414).contentType("application/problem+json").body("detail", containsString("address is longer than"));
        // the headers alone: the service answers from the length the request declares, before any of its body
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.getOutputStream().write(("POST /performances HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + manager
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 11 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = answerOf(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("larger than this service accepts"), answer);
        }
    }

    /** What the service answered on the socket: up to the end of the body its Content-Length announces. */
    private static String answerOf(Socket socket) throws java.io.IOException {
        var in = socket.getInputStream();
        var read = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = read.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
            if (end >= 0 && length.find() && read.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                return text;
            }
            int n = in.read(buffer);
            if (n < 0) {
                return read.toString(StandardCharsets.UTF_8);
            }
            read.write(buffer, 0, n);
        }
    }
}
