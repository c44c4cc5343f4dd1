package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScanningTest {

    private static String venue;
    private static String performance;
    private String boxOffice;

    @BeforeEach
    void aTheatreWithAPerformanceTonight() {
        Door.passServicePublishedItsKey();
        if (venue == null) {
            venue = Door.theatre();
            performance = Door.performance(venue, 10_000);
        }
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
    }

    static String token(LocalDate from, LocalDate until) {
        return Door.token(from, until);
    }

    static String token(PassCategory category, int groupSize) {
        return Door.token(category, groupSize);
    }

    static String validToken() {
        return Door.validToken();
    }

    static JsonPath scan(String bearer, String token, String nonce) {
        return Door.scan(bearer, token, nonce, performance);
    }

    @Test
    void validPassIsAdmittedWithTheHolderCheckToCompareWithTheId() {
        String token = validToken();
        JsonPath answer = scan(boxOffice, token, UUID.randomUUID().toString());
        assertEquals(true, answer.getBoolean("admitted"));
        assertEquals("VALID", answer.getString("reason"));
        assertEquals("MS", answer.getString("holder.initials"));
        assertEquals(1984, answer.getInt("holder.birthYear"));
        assertEquals("ADULT", answer.getString("category"));
        assertEquals(1.50f, answer.getFloat("price"));
        assertEquals("EUR", answer.getString("currency"));
    }

    @Test
    void aGroupPaysTheAgreedPriceForEachOfItsMembersAndUnacceptedCategoriesAreRefused() {
        JsonPath group = scan(boxOffice, token(PassCategory.COLLECTIVE, 12), UUID.randomUUID().toString());
        assertEquals(true, group.getBoolean("admitted"));
        assertEquals(12, group.getInt("groupSize"));
        assertEquals(18.00f, group.getFloat("price"));
        JsonPath child = scan(boxOffice, token(PassCategory.CHILD, 1), UUID.randomUUID().toString());
        assertEquals("CATEGORY_NOT_ACCEPTED", child.getString("reason"));
        org.junit.jupiter.api.Assertions.assertNull(child.get("price"));
    }

    @Test
    void boxOfficeSeesItsVenueAndTheAgreementItAdmitsUnder() {
        given().auth().oauth2(boxOffice).when().get("/venues/mine").then().statusCode(200)
                .body("name", equalTo("Grande salle")).body("agreement.pricePerPerson", equalTo(1.50f))
                .body("agreement.acceptedCategories", equalTo(java.util.List.of("ADULT", "COLLECTIVE")));
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, venue)).when().get("/venues/mine").then().statusCode(403);
    }

    @Test
    void aVenueWithoutAnAgreementInForceAdmitsNobodyAndSaysWhyAtTheDoor() {
        Door.Scheduled suspended = Door.theatreWhoseAgreementWasSuspended();
        JsonPath answer = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, suspended.venue()), validToken(), suspended.performance());
        assertEquals(false, answer.getBoolean("admitted"));
        assertEquals("NO_AGREEMENT", answer.getString("reason"));
        assertEquals("This venue has no Kulturpass agreement in force today. Please contact the programme.", answer.getString("message"));
    }

    @Test
    void retriedScanWithTheSameNonceGetsTheFirstAnswer() {
        String token = validToken();
        String nonce = UUID.randomUUID().toString();
        JsonPath first = scan(boxOffice, token, nonce);
        JsonPath retry = scan(boxOffice, token, nonce);
        assertEquals(true, retry.getBoolean("admitted"));
        assertEquals(first.getString("admissionId"), retry.getString("admissionId"));
    }

    @Test
    void aNonceAlreadyAnsweredForAnotherPassIsAConflictNotTheFirstAnswer() {
        String nonce = UUID.randomUUID().toString();
        String firstCard = validToken();
        String firstAdmission = scan(boxOffice, firstCard, nonce).getString("admissionId");
        String body = "{\"token\":\"" + validToken() + "\",\"nonce\":\"" + nonce + "\",\"performanceId\":\"" + performance + "\"}";
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body(body)
                .when().post("/admissions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("This scan's nonce was already used, at "))
                .body("detail", org.hamcrest.Matchers.endsWith("for another pass or performance: give each scan a nonce of its own (the scanner page makes one)"));
        // the first card itself, at another performance, is not a retry either
        String otherPerformance = "{\"token\":\"" + firstCard + "\",\"nonce\":\"" + nonce + "\",\"performanceId\":\""
                + Door.performance(venue, 10) + "\"}";
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body(otherPerformance)
                .when().post("/admissions").then().statusCode(409).contentType("application/problem+json");
        // the first card, retried, still gets its own answer
        assertEquals(firstAdmission, scan(boxOffice, firstCard, nonce).getString("admissionId"));
    }

    @Test
    void secondScanOfTheSamePassForTheSamePerformanceIsRefused() {
        String token = validToken();
        scan(boxOffice, token, UUID.randomUUID().toString());
        JsonPath again = scan(boxOffice, token, UUID.randomUUID().toString());
        assertEquals(false, again.getBoolean("admitted"));
        assertEquals("ALREADY_ADMITTED", again.getString("reason"));
        assertEquals("This pass was already used for this performance.", again.getString("message"));
    }

    @Test
    void sameCardAtSeveralDoorsAtOnceIsAdmittedOnce() throws Exception {
        String token = validToken();
        ExecutorService doors = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> scans = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                scans.add(() -> scan(boxOffice, token, UUID.randomUUID().toString()).getBoolean("admitted"));
            }
            long admitted = 0;
            for (Future<Boolean> result : doors.invokeAll(scans)) {
                admitted += result.get() ? 1 : 0;
            }
            assertEquals(1, admitted);
        } finally {
            doors.shutdown();
        }
    }

    @Test
    void alteredForeignExpiredAndEarlyCardsAreRefusedWithTheirReason() {
        String valid = validToken();
        String altered = valid.substring(0, 20) + (valid.charAt(20) == 'A' ? 'B' : 'A') + valid.substring(21);
        assertEquals("FORGED", scan(boxOffice, altered, UUID.randomUUID().toString()).getString("reason"));
        String foreign = new PassTokenSigner(Door.KEY_ID + 1, SigningKeyPair.generate().privateKey())
                .sign(new PassClaims(5, Door.today(), Door.today().plusDays(3), PassCategory.ADULT, 1, "AB", 1990));
        assertEquals("UNKNOWN_KEY", scan(boxOffice, foreign, UUID.randomUUID().toString()).getString("reason"));
        JsonPath expired = scan(boxOffice, token(Door.today().minusYears(2), Door.today().minusDays(1)), UUID.randomUUID().toString());
        assertEquals("EXPIRED", expired.getString("reason"));
        assertEquals(false, expired.getBoolean("admitted"));
        assertEquals("NOT_YET_VALID", scan(boxOffice, token(Door.today().plusDays(1), Door.today().plusYears(1)),
                UUID.randomUUID().toString()).getString("reason"));
        assertEquals("NOT_A_KULTURPASS", scan(boxOffice, "https://example.org/ticket/1", UUID.randomUUID().toString()).getString("reason"));
    }

    @Test
    void admissionAndRefusalGoOutAsEventsWithPseudonymousIdsOnly() {
        String token = validToken();
        JsonPath admitted = scan(boxOffice, token, UUID.randomUUID().toString());
        JsonPath refused = scan(boxOffice, token, UUID.randomUUID().toString());
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.admissions",
                r -> r.value().contains(refused.getString("admissionId")), Duration.ofSeconds(20));
        var recorded = records.stream().filter(r -> r.value().contains(admitted.getString("admissionId"))).findFirst().orElseThrow();
        assertEquals("lu.kulturpass.admission.recorded", KafkaTopics.header(recorded, "ce_type").orElseThrow());
        JsonPath data = new JsonPath(recorded.value());
        assertEquals(venue, data.getString("venueId"));
        assertEquals(PassNumber.parse(admitted.getString("passNumber")).getAsLong(), data.getLong("passId"));
        assertEquals(String.valueOf(data.getLong("passId")), recorded.key());
        org.junit.jupiter.api.Assertions.assertFalse(recorded.value().contains("MS"), "initials leaked into the event");
        assertEquals("lu.kulturpass.admission.refused", KafkaTopics.header(records.get(records.size() - 1), "ce_type").orElseThrow());
    }

    @Test
    void cardsSignedWithARetiredKeyAreRefusedOnceTheRetirementArrives() {
        int retiringKeyId = Door.KEY_ID + 100;
        SigningKeyPair retiring = SigningKeyPair.generate();
        KafkaTopics kafka = KafkaTopics.onTestBroker();
        kafka.publish("kulturpass.signing-keys", String.valueOf(retiringKeyId), "lu.kulturpass.signing-key.activated",
                "{\"keyId\":" + retiringKeyId + ",\"algorithm\":\"Ed25519\",\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(retiring.publicKey()) + "\",\"activatedAt\":\"" + OffsetDateTime.now() + "\"}");
        PassTokenSigner signer = new PassTokenSigner(retiringKeyId, retiring.privateKey());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> scan(boxOffice,
                signer.sign(new PassClaims(Door.nextPassId(), Door.today(), Door.today().plusDays(9), PassCategory.ADULT, 1, "AB", 1990)),
                UUID.randomUUID().toString()).getBoolean("admitted"));
        kafka.publish("kulturpass.signing-keys", String.valueOf(retiringKeyId), "lu.kulturpass.signing-key.retired",
                "{\"keyId\":" + retiringKeyId + ",\"retiredAt\":\"" + OffsetDateTime.now() + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "UNKNOWN_KEY".equals(scan(boxOffice,
                signer.sign(new PassClaims(Door.nextPassId(), Door.today(), Door.today().plusDays(9), PassCategory.ADULT, 1, "AB", 1990)),
                UUID.randomUUID().toString()).getString("reason")));
    }

    @Test
    void onlyBoxOfficeStaffOfAVenueMayScan() {
        String body = "{\"token\":\"" + validToken() + "\",\"nonce\":\"n-1\"}";
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, "agency-1")).contentType(ContentType.JSON).body(body)
                .when().post("/admissions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, null)).contentType(ContentType.JSON).body(body)
                .when().post("/admissions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your account is not linked to an agency or venue"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/admissions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedScanRequestsAreProblemsNotErrors() {
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"token\":")
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"token\":\"K1\"}")
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Give the scan a nonce of up to 100 characters"));
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).contentType(ContentType.TEXT).body("hello")
                .when().post("/admissions").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aScanWithBothTheQrTextAndATypedNumberOrWithNeitherIsAProblemTheDoorCanRead() {
        String both = "{\"token\":\"" + validToken() + "\",\"code\":\"" + PassNumber.format(Door.nextPassId())
                + "\",\"nonce\":\"" + UUID.randomUUID() + "\"}";
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body(both)
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Send either the QR code's text (token) or the typed pass number (code), not both"));
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"nonce\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/admissions").then().statusCode(400).contentType("application/problem+json");
    }
}
