package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MobileCardPageTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    @Inject
    DataSource database;

    private URI link(long passId, Map<String, String> body) {
        return URI.create(given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(body)
                .when().post("/passes/" + passId + "/card-link")
                .then().statusCode(200).contentType(ContentType.JSON).extract().path("url"));
    }

    /** What a phone asks the server for: the path and query, never the #fragment. */
    private static String page(URI link, int status) {
        return given().when().get(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()))
                .then().statusCode(status).extract().asString();
    }

    @Test
    void linkOpensTheMobileCardWithoutSignInAndItsQrDecodesToTheToken() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency, "CHILD", 1);
        URI link = link(pass.getLong("id"), Map.of("language", "en"));
        assertTrue(link.getRawPath().matches("/cards/m/[A-Za-z0-9_-]{43}"), link.toString());
        String html = given().when().get(link.getRawPath() + "?" + link.getRawQuery())
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "private, no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertTrue(html.contains("name=\"viewport\""), "made for small screens");
        assertTrue(html.contains(pass.getString("number")) && html.contains("Child") && html.contains("Show this code at the entrance"), html);
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        assertEquals(pass.getString("token"), CardTestSupport.decode(CardTestSupport.paint(svg, 8)).getText());
    }

    @Test
    void pageIsInTheLanguageAskedFor() {
        URI link = link(CardTestSupport.issue(agency).getLong("id"), Map.of());
        String base = link.getRawPath();
        assertTrue(page(link, 200).contains("Présentez ce code à l’entrée"), "French by default");
        assertTrue(given().get(base + "?lang=de").then().statusCode(200).extract().asString().contains("Zeigen Sie diesen Code am Eingang"));
        assertTrue(given().get(base + "?lang=en").then().statusCode(200).extract().asString().contains("Pass number"));
        assertTrue(given().header("Accept-Language", "de").get(base).then().statusCode(200).extract().asString().contains("Gültigkeit"));
        assertTrue(given().get(base + "?lang=xx").then().statusCode(200).extract().asString().contains("N° de pass"),
                "an unknown language falls back rather than locking the holder out at the door");
    }

    @Test
    void holderNameTravelsOnlyInTheLinksFragment() throws Exception {
        JsonPath pass = CardTestSupport.issue(agency);
        String name = "Zoë Łukasiewicz " + pass.getLong("id");
        URI link = link(pass.getLong("id"), Map.of("holderName", name, "language", "fr"));
        assertEquals("name=" + name, URLDecoder.decode(link.getRawFragment(), StandardCharsets.UTF_8));
        String html = page(link, 200);
        assertFalse(html.contains(name) || html.contains("Łukasiewicz"), "the server never renders the name");
        assertTrue(html.contains("location.hash"), "the page fills the name in from the fragment");
        assertEquals(0, CardTestSupport.rowsContaining(database, name));
        String secret = link.getRawPath().substring(link.getRawPath().lastIndexOf('/') + 1);
        assertEquals(0, CardTestSupport.rowsContaining(database, secret), "only the secret's hash is stored");
    }

    @Test
    void wrongOrMalformedSecretIsNotFound() {
        link(CardTestSupport.issue(agency).getLong("id"), Map.of());
        given().when().get("/cards/m/" + "A".repeat(43)).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("ask your agency for a new one"));
        given().when().get("/cards/m/not-a-secret").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aNewLinkOrARevocationClosesThePreviousLink() {
        long id = CardTestSupport.issue(agency).getLong("id");
        URI first = link(id, Map.of());
        URI second = link(id, Map.of());
        page(first, 404);
        page(second, 200);
        given().auth().oauth2(agencyStaff(agency)).when().delete("/passes/" + id + "/card-link").then().statusCode(204);
        page(second, 404);
        given().auth().oauth2(agencyStaff(agency)).when().delete("/passes/" + id + "/card-link")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheIssuingAgencyAndProgrammeStaffGetLinks() {
        long id = CardTestSupport.issue(agency).getLong("id");
        given().auth().oauth2(agencyStaff(RegisteredPartners.agency())).contentType(ContentType.JSON).body(Map.of())
                .when().post("/passes/" + id + "/card-link").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.boxOffice(agency)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/passes/" + id + "/card-link").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/passes/" + id + "/card-link").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(agencyStaff(RegisteredPartners.agency())).when().delete("/passes/" + id + "/card-link")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CardTestSupport.programmeStaff()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/passes/" + id + "/card-link").then().statusCode(200)
                .body("url", not(containsString("#")));
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of("language", "it"))
                .when().post("/passes/" + id + "/card-link").then().statusCode(400).contentType("application/problem+json");
    }
}
