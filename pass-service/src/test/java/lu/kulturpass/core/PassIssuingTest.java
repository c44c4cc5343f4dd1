package lu.kulturpass.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PassIssuingTest {

    private String agency;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agency = RegisteredPartners.agencyWithAgreementInForce();
    }

    static String agencyStaff(String agency) {
        return BearerTokens.token(Roles.AGENCY_STAFF, agency);
    }

    static JsonPath issue(String agency, String idempotencyKey, String holderRef, int expectedStatus) {
        return given().auth().oauth2(agencyStaff(agency)).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + holderRef + "\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void issuedPassCarriesATokenThatVerifiesWithThePublishedKey() {
        JsonPath pass = issue(agency, UUID.randomUUID().toString(), "holder-1", 201);
        int keyId = pass.getInt("keyId");
        String publicKey = given().when().get("/signing-keys").then().statusCode(200)
                .extract().path("find { it.keyId == " + keyId + " }.publicKey");
        Verification result = new PassTokenVerifier(id -> id == keyId
                ? Base64.getDecoder().decode(publicKey) : null).verify(pass.getString("token"));
        Verification.Verified verified = assertInstanceOf(Verification.Verified.class, result);
        assertEquals(pass.getLong("id"), verified.claims().passId());
        assertEquals("MS", verified.claims().initials());
        assertEquals(1984, verified.claims().birthYear());
        assertEquals(pass.getString("validUntil"), verified.claims().validUntil().toString());
    }

    @Test
    void retryWithTheSameIdempotencyKeyIssuesOnce() {
        String key = UUID.randomUUID().toString();
        long first = issue(agency, key, "holder-2", 201).getLong("id");
        long retried = issue(agency, key, "holder-2", 200).getLong("id");
        assertEquals(first, retried);
    }

    @Test
    void sameIdempotencyKeyFromAnotherAgencyIsAnotherPass() {
        String otherAgency = RegisteredPartners.agencyWithAgreementInForce();
        String key = UUID.randomUUID().toString();
        long mine = issue(agency, key, "holder-3", 201).getLong("id");
        long theirs = issue(otherAgency, key, "holder-3", 201).getLong("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
    }

    @Test
    void issuingAPassPublishesPassIssuedWithoutPersonalData() {
        long id = issue(agency, UUID.randomUUID().toString(), "holder-4", 201).getLong("id");
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.passes",
                r -> String.valueOf(id).equals(r.key()), Duration.ofSeconds(20));
        var record = records.get(records.size() - 1);
        assertEquals("lu.kulturpass.pass.issued", KafkaTopics.header(record, "ce_type").orElseThrow());
        assertEquals("1", KafkaTopics.header(record, "ce_schemaversion").orElseThrow());
        JsonPath data = new JsonPath(record.value());
        assertEquals(id, data.getLong("passId"));
        org.junit.jupiter.api.Assertions.assertFalse(record.value().contains("initials"), record.value());
        org.junit.jupiter.api.Assertions.assertFalse(record.value().contains("birthYear"), record.value());
    }

    @Test
    void qrCodePngDecodesBackToTheToken() throws Exception {
        JsonPath pass = issue(agency, UUID.randomUUID().toString(), "holder-5", 201);
        byte[] png = given().auth().oauth2(agencyStaff(agency)).when().get(pass.getString("qrCode"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertEquals(pass.getString("token"), decoded.getText());
    }

    @Test
    void anotherAgencyCannotSeeThePassNorItsQrCode() {
        String otherAgency = RegisteredPartners.agencyWithAgreementInForce();
        JsonPath pass = issue(agency, UUID.randomUUID().toString(), "holder-6", 201);
        given().auth().oauth2(agencyStaff(otherAgency)).when().get("/passes/" + pass.getLong("id"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You can only see or change passes of your own organisation"));
        given().auth().oauth2(agencyStaff(otherAgency)).when().get(pass.getString("qrCode"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(agencyStaff(agency)).when().get("/passes/" + pass.getLong("id"))
                .then().statusCode(200).body("number", equalTo(pass.getString("number")));
    }

    @Test
    void boxOfficeStaffCannotIssuePasses() {
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, "venue-1")).header("Idempotency-Key", "k")
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void boxOfficeStaffCannotReadPassesNorTheirQrCodes() {
        JsonPath pass = issue(agency, UUID.randomUUID().toString(), "holder-7", 201);
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, agency);
        given().auth().oauth2(boxOffice).when().get("/passes/" + pass.getLong("id"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).when().get(pass.getString("qrCode"))
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void agencyStaffWithoutAnAgencyCannotIssue() {
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, null)).header("Idempotency-Key", "k")
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your account is not linked to an agency or venue"));
    }

    @Test
    void requestWithoutATokenIsAskedToSignIn() {
        given().contentType(ContentType.JSON).body("{}").when().post("/passes")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").when().get("/passes/1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemAPersonCanRead() {
        String token = agencyStaff(agency);
        given().auth().oauth2(token).header("Idempotency-Key", "bad-json").contentType(ContentType.JSON)
                .body("{\"holderRef\": ").when().post("/passes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("The request body is not valid JSON"));
        given().auth().oauth2(token).header("Idempotency-Key", "missing").contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ADULT\",\"initials\":\"MS\"}").when().post("/passes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("birthYear: must not be null (the box office compares it with the ID document)"));
        given().auth().oauth2(token).header("Idempotency-Key", "enum").contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ELDER\",\"initials\":\"MS\",\"birthYear\":1950}").when().post("/passes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("must be one of [ADULT, CHILD, COLLECTIVE]"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}").when().post("/passes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        given().auth().oauth2(token).when().get("/passes/424242")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("No pass with id 424242"));
        given().auth().oauth2(token).when().get("/passes/not-a-number")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
