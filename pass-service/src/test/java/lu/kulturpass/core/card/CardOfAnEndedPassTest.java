package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.card.CardTestSupport.agencyStaff;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import lu.kulturpass.core.partner.RegisteredPartners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardOfAnEndedPassTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    @Test
    void aReplacedPassHasNoCardToPrintAndItsPhoneLinkStopsWorking() {
        long id = CardTestSupport.issue(agency).getLong("id");
        String link = given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/passes/" + id + "/card-link").then().statusCode(200).extract().path("url");
        long replacement = given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON)
                .body("{\"transition\":\"REPLACE\",\"reason\":\"LOST\"}").when().post("/passes/" + id + "/transitions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body("{\"holderName\":\"Maria Santos\"}")
                .when().post("/passes/" + id + "/card.pdf").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("print its replacement, pass " + replacement));
        given().when().get(java.net.URI.create(link).getRawPath()).then().statusCode(410);
        given().auth().oauth2(agencyStaff(agency)).contentType(ContentType.JSON).body("{\"holderName\":\"Maria Santos\"}")
                .when().post("/passes/" + replacement + "/card.pdf").then().statusCode(200).contentType("application/pdf");
    }
}
