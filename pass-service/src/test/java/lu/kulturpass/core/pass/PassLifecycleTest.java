package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.words.Language;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PassLifecycleTest {

    private final Passes passes = new Passes();

    @Test
    void suspendAndReinstateAreRecordedWithActorReasonAndTime() {
        long id = passes.issue("MS", 1984).getLong("id");
        passes.move(id, "SUSPEND", "MISUSE").statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("allowedTransitions", equalTo(List.of("REINSTATE", "REVOKE", "REPLACE")));
        passes.move(id, "REINSTATE", "DOUBT_CLEARED").statusCode(200).body("status", equalTo("ACTIVE"));
        JsonPath history = given().auth().oauth2(passes.staff()).when().get("/passes/" + id + "/transitions")
                .then().statusCode(200).body("$", hasSize(2)).extract().jsonPath();
        assertEquals("SUSPEND", history.getString("[0].transition"));
        assertEquals("MISUSE", history.getString("[0].reason"));
        assertEquals("REINSTATE", history.getString("[1].transition"));
        assertEquals("ACTIVE", history.getString("[1].to"));
        org.junit.jupiter.api.Assertions.assertTrue(history.getString("[0].actor").startsWith("user-"));
        org.junit.jupiter.api.Assertions.assertNotNull(history.getString("[1].at"));
    }

    @Test
    void everyIllegalTransitionIsRefusedWith409NamingTheAllowedOnes() {
        PassWords words = Words.in(PassWords.class, Language.EN);
        for (PassStatus standing : PassStatus.values()) {
            long id = passes.inStanding(standing);
            for (Transition transition : Transition.values()) {
                if (!transition.requestable() || transition.allowedFrom(standing)) {
                    continue;
                }
                passes.move(id, transition.name(), "OTHER").statusCode(409).contentType("application/problem+json")
                        .body("detail", equalTo("A pass that is " + words.passStatus(standing) + " cannot take the step “"
                                + words.passTransition(transition) + "”; allowed now: " + allowed(standing, words)));
            }
        }
    }

    private static String allowed(PassStatus standing, PassWords words) {
        List<Transition> allowed = Transition.requestableFrom(standing);
        return allowed.isEmpty() ? "nothing" : String.join(", ", allowed.stream().map(words::passTransition).toList());
    }

    @Test
    void lostCardIsReplacedByANewTokenForTheSameHolderAndTheOldOneIsRevoked() {
        JsonPath old = passes.issue("LW", 1970);
        long oldId = old.getLong("id");
        JsonPath replacement = passes.move(oldId, "REPLACE", "LOST").statusCode(201).extract().jsonPath();
        assertNotEquals(oldId, replacement.getLong("id"));
        assertNotEquals(old.getString("token"), replacement.getString("token"));
        assertEquals(oldId, replacement.getLong("replacesPassId"));
        assertEquals(old.getString("validUntil"), replacement.getString("validUntil"));
        assertEquals(old.getString("holderRef"), replacement.getString("holderRef"));
        given().auth().oauth2(passes.staff()).when().get("/passes/" + oldId).then()
                .body("status", equalTo("REPLACED")).body("replacedByPassId", equalTo(replacement.getLong("id")));
        String venueId = RegisteredPartners.theatre().getString("venues[0].id");
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, venueId)).when().get("/revocations")
                .then().statusCode(200).body("entries.findAll { it.passId == " + oldId + " }.standing", equalTo(List.of("REVOKED")));
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.passes",
                r -> String.valueOf(oldId).equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("replaced"),
                Duration.ofSeconds(20));
        assertEquals(replacement.getLong("id"), new JsonPath(records.get(records.size() - 1).value()).getLong("replacedByPassId"));
    }

    @Test
    void expiredPassIsRenewedWithANewValidityForTheSameHolder() {
        long id = passes.inStanding(PassStatus.EXPIRED);
        given().auth().oauth2(passes.staff()).when().get("/passes/" + id).then().body("status", equalTo("EXPIRED"));
        JsonPath renewed = passes.move(id, "RENEW", "RENEWAL").statusCode(200).extract().jsonPath();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals("ACTIVE", renewed.getString("status"));
        assertEquals(id, renewed.getLong("id"));
        assertEquals(today.toString(), renewed.getString("validFrom"));
        assertEquals(today.plusYears(2).minusDays(1).toString(), renewed.getString("validUntil"));
        given().auth().oauth2(passes.staff()).when().get("/passes/" + id + "/transitions").then()
                .body("transition", equalTo(List.of("EXPIRE", "RENEW"))).body("[0].actor", equalTo("system:expiry"));
    }

    @Test
    void expiryIsByDateOnlyAndOnlyTheIssuingAgencyMovesAPass() {
        long id = passes.issue("AB", 1990).getLong("id");
        passes.move(id, "EXPIRE", "OTHER").statusCode(400).contentType("application/problem+json");
        String otherAgency = BearerTokens.token(Roles.AGENCY_STAFF, RegisteredPartners.agencyWithAgreementInForce());
        given().auth().oauth2(otherAgency).contentType(ContentType.JSON).body("{\"transition\":\"REVOKE\",\"reason\":\"OTHER\"}")
                .when().post("/passes/" + id + "/transitions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You can only see or change passes of your own organisation"));
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, passes.agency())).contentType(ContentType.JSON)
                .body("{\"transition\":\"REVOKE\",\"reason\":\"OTHER\"}")
                .when().post("/passes/" + id + "/transitions").then().statusCode(403);
        given().auth().oauth2(otherAgency).when().get("/passes/" + id + "/transitions").then().statusCode(403);
        passes.move(id, "REVOKE", "NOT_A_REASON").statusCode(400).contentType("application/problem+json");
        // the platform's own reasons are not staff's to give
        for (String systemReason : List.of("VALIDITY_ENDED", "HOLDER_ERASED")) {
            passes.move(id, "REVOKE", systemReason).statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("recorded by the platform itself"));
        }
        passes.move(424242L, "REVOKE", "OTHER").statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).contentType(ContentType.JSON)
                .body("{\"transition\":\"REVOKE\",\"reason\":\"MISUSE\"}")
                .when().post("/passes/" + id + "/transitions").then().statusCode(200).body("status", equalTo("REVOKED"));
    }
}
