package lu.kulturpass.core.key;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.events.SigningKeyTopic;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SigningKeyRotationTest {

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private String agencyStaff;

    @BeforeEach
    void anAgencyWithAnAgreementInForce() {
        agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, RegisteredPartners.agencyWithAgreementInForce());
    }

    private JsonPath issue() {
        return given().auth().oauth2(agencyStaff).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"h\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath validKeys() {
        return given().when().get("/signing-keys").then().statusCode(200).extract().jsonPath();
    }

    private static Verification verifyWithPublishedKeys(String token) {
        JsonPath keys = validKeys();
        return new PassTokenVerifier(id -> {
            String key = keys.getString("find { it.keyId == " + id + " }.publicKey");
            return key == null ? null : Base64.getDecoder().decode(key);
        }).verify(token);
    }

    @Test
    void rotationSignsNewPassesWithTheNewKeyWhileEarlierCardsStayValidUntilTheirKeyRetires() {
        JsonPath before = issue();
        int oldKey = before.getInt("keyId");
        JsonPath rotated = given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"activatesAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1) + "\"}")
                .when().post("/signing-keys/rotation").then().statusCode(200).body("signing", equalTo(true)).extract().jsonPath();
        int newKey = rotated.getInt("keyId");
        assertNotEquals(oldKey, newKey);

        JsonPath after = issue();
        assertEquals(newKey, after.getInt("keyId"));
        assertTrue(verifyWithPublishedKeys(before.getString("token")) instanceof Verification.Verified, "old card refused");
        assertTrue(verifyWithPublishedKeys(after.getString("token")) instanceof Verification.Verified, "new card refused");

        given().auth().oauth2(programmeStaff).when().post("/signing-keys/" + oldKey + "/retirement")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        assertFalse(validKeys().getList("keyId", Integer.class).contains(oldKey));
        assertEquals(new Verification.Rejected(lu.kulturpass.token.TokenRejection.UNKNOWN_KEY),
                verifyWithPublishedKeys(before.getString("token")));
        var records = KafkaTopics.onTestBroker().readUntil(SigningKeyTopic.TOPIC,
                r -> String.valueOf(oldKey).equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("retired"),
                Duration.ofSeconds(20));
        assertEquals(oldKey, new JsonPath(records.get(records.size() - 1).value()).getInt("keyId"));
    }

    @Test
    void aRotatedKeyIsPublishedBeforeItSigns() {
        int signingNow = issue().getInt("keyId");
        JsonPath pending = given().auth().oauth2(programmeStaff).when().post("/signing-keys/rotation")
                .then().statusCode(200).body("signing", equalTo(false)).extract().jsonPath();
        assertTrue(validKeys().getList("keyId", Integer.class).contains(pending.getInt("keyId")), "verifiers cannot learn it yet");
        assertTrue(OffsetDateTime.parse(pending.getString("activatedAt")).isAfter(OffsetDateTime.now().plusSeconds(60)));
        assertEquals(signingNow, issue().getInt("keyId"));
    }

    @Test
    void theSigningKeyCannotBeRetiredAndOnlyProgrammeStaffRotate() {
        int signing = issue().getInt("keyId");
        given().auth().oauth2(programmeStaff).when().post("/signing-keys/" + signing + "/retirement")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Key " + signing + " is signing new passes: rotate to a new key first"));
        given().auth().oauth2(agencyStaff).when().post("/signing-keys/rotation").then().statusCode(403);
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, "venue-1")).when().post("/signing-keys/" + signing + "/retirement")
                .then().statusCode(403);
        given().auth().oauth2(programmeStaff).when().post("/signing-keys/9999/retirement").then().statusCode(404);
    }

    @Test
    void privateKeysAreStoredEncryptedAndOpenOnlyWithTheirMasterKey() {
        int signing = issue().getInt("keyId");
        SigningKey stored = QuarkusTransaction.requiringNew().call(() -> SigningKey.<SigningKey>findById(signing));
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        KeyVault wrongMaster = new KeyVault(Base64.getEncoder().encodeToString(other));
        assertThrows(IllegalStateException.class, () -> wrongMaster.open(signing, stored.encryptedPrivateKey));
        KeyVault rightMaster = io.quarkus.arc.Arc.container().instance(KeyVault.class).get();
        byte[] privateKey = rightMaster.open(signing, stored.encryptedPrivateKey);
        assertEquals(stored.publicKey, Base64.getEncoder().encodeToString(lu.kulturpass.token.SigningKeyPair.publicKeyOf(privateKey)));
        assertThrows(IllegalStateException.class, () -> rightMaster.open(signing + 1, stored.encryptedPrivateKey),
                "a sealed key must not open under another key id");
        assertFalse(List.of(stored.encryptedPrivateKey).contains(Base64.getEncoder().encodeToString(privateKey)));
    }

    @Test
    void replicasRotatingAtOnceEachMakeAKeyOfTheirOwn() throws Exception {
        // two replicas of pass-service on one database, asked to rotate at the same moment (and, at a first start on an empty
        // database, each making its first key): each key gets an id of its own, none is refused
        int replicas = 6;
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(replicas);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(replicas);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        String later = "{\"activatesAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(30) + "\"}";
        for (int i = 0; i < replicas; i++) {
            answers.add(callers.submit(() -> {
                ready.countDown();
                ready.await();
                return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body(later)
                        .when().post("/signing-keys/rotation");
            }));
        }
        java.util.Set<Integer> made = new java.util.HashSet<>();
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.asString());
            made.add(response.jsonPath().getInt("keyId"));
        }
        callers.shutdown();
        assertEquals(replicas, made.size(), "key ids given twice: " + made);
        for (int keyId : made) {
            given().auth().oauth2(programmeStaff).when().post("/signing-keys/" + keyId + "/retirement").then().statusCode(200);
        }
    }
}
